import CallPulseDomain
import CallPulseStore

/// The open follow-ups as CSV for the client's customer-service team: who to call and the
/// number to dial, why, the customer's own words, and the contact's imported fields.
public enum FollowUpSheet {
    public static let header = [
        "followup_id", "campaign", "created", "due", "overdue", "reason", "trigger", "name", "phone",
        "language", "customer_words", "contact_fields", "interview_id",
    ]

    /// Writes the header and one row per follow-up; returns the number of rows.
    @discardableResult
    public static func write(_ details: [FollowUpDetail], context: FollowUpContext, now: Int64,
                             to writer: CSVWriter) throws -> Int {
        try writer.writeRow(texts: header)
        for detail in details {
            let followUp = detail.followUp
            let zone = context.timeZone(of: detail)
            let script = context.script(of: detail)
            let fields = detail.contact.fieldValues.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            try writer.writeRow([
                followUp.id.map { .number(String($0)) } ?? .empty,
                .text(followUp.campaignId),
                .text(TimeFormat.dateTime(followUp.createdAt, timeZone: zone)),
                followUp.dueAt.map { .text(TimeFormat.dateTime($0, timeZone: zone)) } ?? .empty,
                .text(detail.isOverdue(now: now) ? "yes" : "no"),
                .text(followUp.reason),
                .text(detail.triggeringAnswers(script: script).joined(separator: "; ")),
                .text(detail.displayName == "(no name)" ? "" : detail.displayName),
                .text(PhoneDisplay.international(detail.contact.phone)),
                .text(detail.contact.language ?? ""),
                .text(detail.customerWords(script: script).joined(separator: " | ")),
                .text(fields.joined(separator: "; ")),
                followUp.interviewId.map { .number(String($0)) } ?? .empty,
            ])
        }
        return details.count
    }
}
