import CallPulseDomain
import Foundation

/// What `stats --watch` shows while the database cannot be read for a while (a PostgreSQL server
/// restarting, stopped or failing over to its standby; a SQLite file locked past the busy wait):
/// the last figures it read, under one line that says they are not fresh, since when, and why.
/// The loop goes on reading; the first frame that reads again replaces this one.
public struct WatchOutage {
    /// The last frame read, and when (seconds since 1970); nil before the first.
    public var last: (frame: String, readAt: Int64)?

    public init() {}

    /// The frame to show at `now` for `error`, `columns` wide: its notice, then the last figures
    /// with their age (an age, not a clock time: the figures' own clock may be another zone's).
    public func frame(for error: any Error, period: TimeInterval, columns: Int, now: Int64) -> String {
        let reason = PrintableText.sanitize((error as? LocalizedError)?.errorDescription ?? "\(error)")
        let seconds = period == period.rounded() ? String(Int(period)) : String(period)
        var notice = "! Cannot read the figures now: \(reason). Trying again every \(seconds) s"
        if let last {
            notice += "; the figures below are \(Self.age(now - last.readAt)) old."
        } else {
            notice += "."
        }
        let lines = ConsoleOutput.wrap(notice, width: max(columns, 20))
        guard let last else { return lines.joined(separator: "\n") }
        return (lines + [""] + [last.frame]).joined(separator: "\n")
    }

    /// `seconds` for people: `14 s`, `3 min`, `2 h 5 min`.
    static func age(_ seconds: Int64) -> String {
        let seconds = max(seconds, 0)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}
