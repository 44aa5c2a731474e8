import Foundation

/// When a campaign may call one contact: the calling windows per day of the week, applied in the
/// contact's own time zone.
public struct CallingSchedule: Sendable {
    /// Parts of the day retries are spread over, so a person out every morning is tried at other times.
    public enum DayPart: Int, Sendable, CaseIterable, Comparable {
        case morning, afternoon, evening

        /// The part a local time (minutes after midnight) falls in: before 12, 12–16, from 16.
        public init(minute: Int) {
            self = minute < 12 * 60 ? .morning : minute < 16 * 60 ? .afternoon : .evening
        }

        var range: Range<Int> {
            switch self {
            case .morning: 0..<(12 * 60)
            case .afternoon: (12 * 60)..<(16 * 60)
            case .evening: (16 * 60)..<(24 * 60)
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Windows indexed by `Calendar` weekday (1 = Sunday … 7 = Saturday); nil means no calls that day.
    public let windows: [Int: CallingWindow]
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(windows: [Int: CallingWindow], timeZone: TimeZone) {
        self.windows = windows
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The campaign's windows in the given zone (the contact's, else the campaign's).
    public init(campaign: Campaign, timeZone identifier: String?) {
        var windows: [Int: CallingWindow] = [:]
        for weekday in 1...7 { windows[weekday] = campaign.callingWindow(weekday: weekday) }
        let zone = identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: campaign.timeZone) ?? .current
        self.init(windows: windows, timeZone: zone)
    }

    /// Local weekday and minute after midnight of an instant.
    func local(_ time: Int64) -> (weekday: Int, minute: Int) {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(time)))
        return (parts.weekday ?? 1, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// Whether calls are allowed at `time`.
    public func isOpen(at time: Int64) -> Bool {
        let (weekday, minute) = local(time)
        return windows[weekday]?.contains(minute: minute) ?? false
    }

    /// The part of the day `time` falls in, locally.
    public func dayPart(at time: Int64) -> DayPart { DayPart(minute: local(time).minute) }

    /// The first instant at or after `time` when calls are allowed, looking two weeks ahead;
    /// nil when the schedule never opens.
    public func nextOpen(from time: Int64, avoiding used: Set<DayPart> = []) -> Int64? {
        let start = Date(timeIntervalSince1970: TimeInterval(time))
        let startOfDay = calendar.startOfDay(for: start)
        for dayOffset in 0..<15 {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: startOfDay) else { continue }
            let weekday = calendar.component(.weekday, from: day)
            guard let window = windows[weekday] else { continue }
            for part in DayPart.allCases where !used.contains(part) {
                let from = max(window.startMinute, part.range.lowerBound)
                let to = min(window.endMinute, part.range.upperBound)
                guard from < to else { continue }
                guard let opening = instant(on: day, minute: from), let closing = instant(on: day, minute: to) else { continue }
                if closing <= time { continue }
                return max(opening, time)
            }
        }
        return nil
    }

    /// The instant of a local minute on a day; handles days shorter or longer than 24 h.
    private func instant(on day: Date, minute: Int) -> Int64? {
        if minute >= 24 * 60 {
            return calendar.date(byAdding: .day, value: 1, to: day).map { Int64($0.timeIntervalSince1970) }
        }
        return calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day)
            .map { Int64($0.timeIntervalSince1970) }
    }
}
