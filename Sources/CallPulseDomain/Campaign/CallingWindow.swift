import Foundation

/// The hours of one day in which people may be called, in the contact's own time zone,
/// e.g. `09-20` or `10:00-16:30`. The end is exclusive: `09-20` allows calls from 09:00 up to 19:59.
public struct CallingWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Minutes after midnight at which calling may start.
    public var startMinute: Int
    /// Minutes after midnight at which calling must stop.
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Parses `HH[-:MM]-HH[:MM]`; nil when the text is not such a window or the end is not after the start.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let start = Self.minute(of: parts[0].trimmingCharacters(in: .whitespaces)),
              let end = Self.minute(of: parts[1].trimmingCharacters(in: .whitespaces)),
              start < end
        else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    /// Whether a local time (minutes after midnight) lies inside the window.
    public func contains(minute: Int) -> Bool { minute >= startMinute && minute < endMinute }

    public var description: String { "\(Self.format(startMinute))–\(Self.format(endMinute))" }

    /// The stored form, `HH:MM-HH:MM`, which `init(parsing:)` reads back.
    public var storageText: String { "\(Self.format(startMinute))-\(Self.format(endMinute))" }

    private static func minute(of text: String) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), let hour = Int(pieces[0]), pieces[0].count <= 2 else { return nil }
        let minute = pieces.count == 2 ? Int(pieces[1]) : 0
        guard let minute, (0...59).contains(minute), (0...24).contains(hour) else { return nil }
        let total = hour * 60 + minute
        return total <= 24 * 60 ? total : nil
    }

    private static func format(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
