import Foundation

/// Reads `--since`: `2026-11-23` (midnight) or `2026-11-23 14:05`, in the campaign's time zone.
public enum ExportTimeParser {
    /// Seconds since 1970 for `text` read in `timeZone`; throws `ExportError.invalidSince`.
    public static func parse(_ text: String, timeZone: TimeZone) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count) else { throw ExportError.invalidSince(text) }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : [0, 0]
        guard date.count == 3, time.count == 2, parts[0].count == 10,
              let year = date[0], let month = date[1], let day = date[2], let hour = time[0], let minute = time[1],
              (0...23).contains(hour), (0...59).contains(minute)
        else { throw ExportError.invalidSince(text) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        // Calendar rolls 2026-02-30 over to March: a date that does not read back is not a date.
        guard let instant = calendar.date(from: components) else { throw ExportError.invalidSince(text) }
        let check = calendar.dateComponents([.year, .month, .day], from: instant)
        guard check.year == year, check.month == month, check.day == day else { throw ExportError.invalidSince(text) }
        return Int64(instant.timeIntervalSince1970)
    }
}
