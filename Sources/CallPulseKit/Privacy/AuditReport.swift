import CallPulseDomain
import CallPulseStore
import Foundation

/// The audit trail for the terminal: one line per change, who and when, every value from the
/// database sanitized so nothing in it can move the cursor or recolour the screen.
public enum AuditReport {
    /// A table (time, actor, action, what, detail) and a closing line; `timeZone` for the times.
    public static func render(_ entries: [AuditEntry], timeZone: TimeZone, limit: Int) -> [String] {
        guard !entries.isEmpty else { return ["No audit lines match."] }
        var rows = [["WHEN", "WHO", "ACTION", "WHAT", "DETAIL"]]
        for entry in entries {
            rows.append([
                TimeFormat.dateTime(entry.at, timeZone: timeZone), Terminal.sanitize(entry.actor), Terminal.sanitize(entry.action),
                "\(Terminal.sanitize(entry.entity)) \(Terminal.sanitize(entry.entityId))",
                Terminal.sanitize(entry.detail ?? ""),
            ])
        }
        let more = entries.count == limit ? " (the latest \(limit); --limit shows more)" : ""
        return [TextTable.render(rows), "\(Plural.of(entries.count, "audit line"))\(more), times in \(timeZone.identifier)."]
    }
}
