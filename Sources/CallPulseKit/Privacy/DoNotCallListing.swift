import CallPulseDomain
import CallPulseStore
import Foundation

/// The do-not-call list for people (a table) and for scripts (JSON).
public enum DoNotCallListing {
    /// A table of number, when and by whom added, how, and the reason; sanitized.
    public static func render(_ entries: [DoNotCallEntry]) -> [String] {
        guard !entries.isEmpty else { return ["The do-not-call list is empty."] }
        var rows = [["PHONE", "ADDED", "BY", "SOURCE", "REASON"]]
        for entry in entries {
            rows.append([entry.phone, TimeFormat.dateTime(entry.addedAt), Terminal.sanitize(entry.addedBy),
                         Terminal.sanitize(entry.source), Terminal.sanitize(entry.note ?? "")])
        }
        return [TextTable.render(rows), "\(Plural.of(entries.count, "number")) on the do-not-call list."]
    }

    /// A JSON array of `{phone, added, addedBy, source, reason}`, `added` in ISO 8601 UTC.
    public static func json(_ entries: [DoNotCallEntry]) throws -> String {
        guard !entries.isEmpty else { return "[]" }  // the pretty printer writes "[\n\n]"
        let format = ISO8601DateFormatter()
        let items = entries.map { entry in
            DoNotCallItem(phone: entry.phone, added: format.string(from: Date(timeIntervalSince1970: TimeInterval(entry.addedAt))),
                 addedBy: entry.addedBy, source: entry.source, reason: entry.note)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}

/// One entry as JSON.
private struct DoNotCallItem: Encodable {
    var phone: String
    var added: String
    var addedBy: String
    var source: String
    var reason: String?

    enum CodingKeys: String, CodingKey { case phone, added, addedBy, source, reason }

    // Written out so a missing reason is `null`, not a missing key: the shape stays the same.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phone, forKey: .phone)
        try container.encode(added, forKey: .added)
        try container.encode(addedBy, forKey: .addedBy)
        try container.encode(source, forKey: .source)
        try container.encode(reason, forKey: .reason)
    }
}
