import Foundation

/// Local times for tests, in Helsinki unless told otherwise.
public enum LocalTime {
    public static let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    /// Seconds since 1970 of a local time `yyyy-MM-dd HH:mm`.
    public static func at(_ text: String, zone: TimeZone = helsinki) -> Int64 {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return Int64(formatter.date(from: text)!.timeIntervalSince1970)
    }
}
