import Foundation

/// What may be wrong with a call-back time that parsed: outside the campaign's calling window in
/// the customer's zone, or far ahead (a date without a year that already passed means next year).
/// The agent is warned and may keep the time (the customer asked for it).
public enum CallbackConcern: Sendable, Equatable {
    /// The local weekday (1 = Sunday … 7 = Saturday) has no calls, or the time is outside its window.
    case outsideWindow(weekday: Int, window: CallingWindow?)
    /// More than `CallbackCheck.maxDaysAhead` days ahead.
    case farAhead(days: Int)
}

/// The one check every call-back time goes through (the card's `c` and `o TIME`, the interview's
/// `/callback`), whatever typed it.
public enum CallbackCheck {
    /// Days ahead beyond which an appointment needs the agent's confirmation.
    public static let maxDaysAhead = 60

    /// Everything to warn about for an appointment at `time`, seen from `now`; empty when it is fine.
    public static func concerns(_ time: Int64, now: Int64, schedule: CallingSchedule) -> [CallbackConcern] {
        var concerns: [CallbackConcern] = []
        if !schedule.isOpen(at: time) {
            let weekday = schedule.local(time).weekday
            concerns.append(.outsideWindow(weekday: weekday, window: schedule.windows[weekday]))
        }
        let days = Int((time - now) / 86_400)
        if time - now > Int64(maxDaysAhead) * 86_400 { concerns.append(.farAhead(days: days)) }
        return concerns
    }

    /// One line per concern, naming the time as the customer's clock shows it.
    public static func message(_ concern: CallbackConcern, at time: Int64, timeZone: TimeZone) -> String {
        let when = "\(TimeFormat.dateTime(time, timeZone: timeZone)) \(timeZone.identifier)"
        switch concern {
        case let .outsideWindow(weekday, window?):
            return "\(weekdayNames[weekday - 1]) \(when) is outside the calling window (\(weekdayNames[weekday - 1])s \(window))"
        case let .outsideWindow(weekday, nil):
            return "\(weekdayNames[weekday - 1]) \(when): the campaign makes no calls on \(weekdayNames[weekday - 1])s"
        case let .farAhead(days):
            return "\(when) is \(Plural.of(days, "day")) ahead (more than \(maxDaysAhead))"
        }
    }

    package static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
