import CallPulseDomain
import Foundation

/// The one-key outcome menu shown on the contact card.
enum OutcomeMenu {
    static let lines: [String] = {
        let ordered: [CallOutcome] = [
            .answered, .noAnswer, .busy, .answeringMachine, .callBack, .refused, .notThereNow, .wrongPerson, .notInUse,
            .fax, .languageBarrier, .unable, .neverCallAgain, .technicalProblem,
        ]
        var lines: [String] = []
        var row = ""
        for outcome in ordered {
            let item = "\(outcome.key) \(outcome.label)"
            if row.count + item.count + 3 > 78 {
                lines.append(row)
                row = ""
            }
            row += (row.isEmpty ? "  " : "   ") + item
        }
        if !row.isEmpty { lines.append(row) }
        lines.append("  q quit (the contact goes back to the queue)   ? keys")
        lines.append("  o = someone else answered, the customer is not there now: tried again later")
        lines.append("  w = the number is not the customer's at all: closed as ineligible (4.70)")
        lines.append("  The key is a word of its own; a note may follow a space: n ei vastaa")
        lines.append("  c TIME sets the time (c tomorrow 10; a note after a comma). d asks to confirm.")
        return lines
    }()
}

/// Says why nothing can be served, in words.
enum NothingMessage {
    static func text(_ reason: NothingToCall, campaign: Campaign, now: Int64) -> String {
        switch reason {
        case .campaignPaused: return "Campaign \(campaign.id) is paused: no calls until a supervisor resumes it."
        case .campaignClosed: return "Campaign \(campaign.id) is closed."
        case let .allDone(total) where total == 0:
            return "Campaign \(campaign.id) has no contacts: load a call list with callpulse import \(campaign.id) FILE."
        case let .allDone(total) where total == 1: return "The one contact of \(campaign.id) has been called to a final outcome."
        case let .allDone(total): return "All \(total) contacts of \(campaign.id) have been called to a final outcome."
        case let .quotaFull(groups):
            return "Nothing to call now: \(groups.joined(separator: "; ")). Every contact due is in a full quota group."
        case let .waiting(nextCallAt, inProgress, windowOpensAt):
            let zone = TimeZone(identifier: campaign.timeZone) ?? .current
            var parts: [String] = []
            if let windowOpensAt {
                parts.append("outside the calling window until \(TimeFormat.dateTime(windowOpensAt, timeZone: zone)) \(zone.identifier)")
            }
            if let nextCallAt {
                parts.append("next retry or appointment at \(TimeFormat.dateTime(nextCallAt, timeZone: zone))")
            }
            if inProgress > 0 { parts.append("\(Plural.of(inProgress, "contact")) in progress with other agents") }
            if parts.isEmpty { parts.append("no contact is due") }
            return "Nothing to call now: " + parts.joined(separator: "; ") + "."
        }
    }
}
