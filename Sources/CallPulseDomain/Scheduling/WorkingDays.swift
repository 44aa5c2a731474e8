import Foundation

/// Adds working days (Monday to Friday) to an instant, keeping the time of day: a follow-up is due
/// one working day after its alert fired.
public enum WorkingDays {
    /// `time` moved forward by `days` working days in `timeZone` (a Friday plus one is the Monday).
    public static func add(_ days: Int, to time: Int64, timeZone: TimeZone) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var date = Date(timeIntervalSince1970: TimeInterval(time))
        var remaining = days
        while remaining > 0 {
            date = calendar.date(byAdding: .day, value: 1, to: date) ?? date.addingTimeInterval(86_400)
            if !calendar.isDateInWeekend(date) { remaining -= 1 }
        }
        return Int64(date.timeIntervalSince1970)
    }
}
