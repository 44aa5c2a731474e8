import Foundation

/// Dates for people: `2026-11-23 14:05`, in the given zone (the machine's by default).
public enum TimeFormat {
    /// Formats seconds since 1970 as `yyyy-MM-dd HH:mm`.
    public static func dateTime(_ seconds: Int64, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }
}
