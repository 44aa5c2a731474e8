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

        package var range: Range<Int> {
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

    public init(windows: [Int: CallingWindow], timeZone: TimeZone) {
        self.windows = windows
        self.timeZone = timeZone
    }

    /// The campaign's windows in the given zone (the contact's, else the campaign's).
    public init(campaign: Campaign, timeZone identifier: String?) {
        var windows: [Int: CallingWindow] = [:]
        for weekday in 1...7 { windows[weekday] = campaign.callingWindow(weekday: weekday) }
        let zone = identifier.flatMap(ZoneCache.zone) ?? ZoneCache.zone(campaign.timeZone) ?? .current
        self.init(windows: windows, timeZone: zone)
    }

    // Local time is worked out with the zone's UTC offset and integer arithmetic: the calling path
    // asks this on every call, and Foundation's Calendar costs tens of microseconds a question.

    /// The local day number (days since 1970-01-01 in the zone) and minute after midnight of an instant.
    package func localDay(_ time: Int64) -> (day: Int64, minute: Int) {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))))
        let local = time + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, Int((local - day * 86_400) / 60))
    }

    /// `Calendar` weekday (1 = Sunday) of a local day number; 1970-01-01 was a Thursday.
    package static func weekday(ofDay day: Int64) -> Int { Int(((day + 4) % 7 + 7) % 7) + 1 }

    /// Local weekday and minute after midnight of an instant.
    package func local(_ time: Int64) -> (weekday: Int, minute: Int) {
        let (day, minute) = localDay(time)
        return (Self.weekday(ofDay: day), minute)
    }

    /// The instant of a local minute of a local day, following the zone's offset on that day.
    package func instant(day: Int64, minute: Int) -> Int64 {
        let local = day * 86_400 + Int64(minute) * 60
        let guess = local - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        return local - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
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
        let today = localDay(time).day
        for day in today..<(today + 15) {
            guard let window = windows[Self.weekday(ofDay: day)] else { continue }
            for part in DayPart.allCases where !used.contains(part) {
                let from = max(window.startMinute, part.range.lowerBound)
                let to = min(window.endMinute, part.range.upperBound)
                guard from < to else { continue }
                if instant(day: day, minute: to) <= time { continue }
                return max(instant(day: day, minute: from), time)
            }
        }
        return nil
    }
}

/// Time zones by identifier, looked up once each.
package enum ZoneCache {
    // Guarded by `lock`.
    nonisolated(unsafe) private static var zones: [String: TimeZone] = [:]
    private static let lock = NSLock()

    package static func zone(_ identifier: String) -> TimeZone? {
        lock.withLock {
            if let zone = zones[identifier] { return zone }
            let zone = TimeZone(identifier: identifier)
            if let zone { zones[identifier] = zone }
            return zone
        }
    }
}
