import CallPulseDomain
import CallPulseStore

/// The follow-up list for the terminal: one block per follow-up with who to call and the number
/// to dial, what triggered it, the customer's own words, its age and whether it is overdue or
/// who resolved it. Every text from the call list or the interview is sanitized.
public enum FollowUpReport {
    public static func render(_ details: [FollowUpDetail], context: FollowUpContext, now: Int64) -> [String] {
        guard !details.isEmpty else { return ["No follow-ups."] }
        var lines: [String] = []
        for detail in details {
            lines += block(detail, context: context, now: now)
        }
        let open = details.filter { $0.followUp.resolvedAt == nil }
        let overdue = open.filter { $0.isOverdue(now: now) }
        lines.append("\(details.count) follow-up\(details.count == 1 ? "" : "s"): \(open.count) open, \(overdue.count) overdue.")
        return lines
    }

    static func block(_ detail: FollowUpDetail, context: FollowUpContext, now: Int64) -> [String] {
        let followUp = detail.followUp
        let zone = context.timeZone(of: detail)
        let script = context.script(of: detail)
        let id = followUp.id.map(String.init) ?? "?"
        let state: String
        if let resolvedAt = followUp.resolvedAt {
            state = "resolved \(TimeFormat.dateTime(resolvedAt, timeZone: zone)) by \(Terminal.sanitize(followUp.resolvedBy ?? "?"))"
        } else if let dueAt = followUp.dueAt {
            let due = TimeFormat.dateTime(dueAt, timeZone: zone)
            state = detail.isOverdue(now: now)
                ? Terminal.style("OVERDUE by \(FollowUpContext.span(now - dueAt))", "1;31") + " (due \(due))"
                : "open, due \(due) (in \(FollowUpContext.span(dueAt - now)))"
        } else {
            state = "open"
        }
        let age = FollowUpContext.span(now - followUp.createdAt)
        var lines = ["#\(id)  \(followUp.campaignId)  \(state)  ·  created \(age) ago"]
        lines.append("    call:     \(Terminal.sanitize(detail.displayName))  \(PhoneDisplay.international(detail.contact.phone))")
        let trigger = detail.triggeringAnswers(script: script)
        let because = trigger.isEmpty ? "" : "  [\(trigger.joined(separator: ", "))]"
        lines.append("    trigger:  \(Terminal.sanitize(followUp.reason + because))")
        for words in detail.customerWords(script: script) {
            lines.append("    words:    \(Terminal.sanitize(words))")
        }
        if let note = followUp.resolutionNote {
            lines.append("    outcome:  \(Terminal.sanitize(note))")
        }
        return lines
    }
}
