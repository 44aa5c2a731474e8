import CallPulseDomain
import Foundation

/// NPS, CSAT and CES per day or per ISO week, whichever fits the campaign (see `make`), each point
/// computed by the same code as `stats` (`StatsSnapshot.scores`).
public struct ReportTimeline: Sendable, Equatable {
    public enum Period: String, Sendable {
        case day, week
    }

    /// The scores of one day or week; periods without complete interviews are left out.
    public struct Point: Sendable, Equatable {
        /// The period's first second (midnight, or Monday midnight, in the campaign's zone).
        public var start: Int64
        /// ISO week number (for weekly points).
        public var week: Int
        public var nps: Double?
        public var npsN: Int
        public var csatPercent: Double?
        public var csatN: Int
        public var cesMean: Double?
        public var cesN: Int
    }

    public var period: Period
    public var points: [Point]

    /// Daily points while the interviews span at most this many days.
    public static let dailyUpTo = 31
    /// Points with fewer answers than this are drawn hollow and flagged: too few to read a change from.
    public static let smallN = 10

    /// Buckets `answersByHour` (hour → question → value → count) in `timeZone`: per day when the
    /// interviews span at most a week, or at most `dailyUpTo` days with `smallN` answers a day on
    /// average; per ISO week otherwise, so points are not all too small to read.
    static func make(answersByHour: [Int64: [String: [Double: Int]]], script: InterviewScript,
                     timeZone: TimeZone) -> ReportTimeline {
        guard let first = answersByHour.keys.min(), let last = answersByHour.keys.max() else {
            return ReportTimeline(period: .day, points: [])
        }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let span = (last - first) * 3600
        let days = buckets(answersByHour, period: .day, calendar: calendar)
        let answers = days.values.map { $0.values.map { $0.values.reduce(0, +) }.max() ?? 0 }.reduce(0, +)
        let daily = span <= 7 * 86_400
            || (span <= Int64(dailyUpTo) * 86_400 && answers >= smallN * days.count)
        let chosen = daily ? days : buckets(answersByHour, period: .week, calendar: calendar)
        let points = chosen.keys.sorted().map { start in
            let scores = StatsSnapshot.scores(script: script, answers: chosen[start] ?? [:])
            let week = calendar.component(.weekOfYear, from: Date(timeIntervalSince1970: TimeInterval(start)))
            return Point(start: start, week: week, nps: scores.nps?.score, npsN: scores.nps?.n ?? 0,
                         csatPercent: scores.csat?.percent, csatN: scores.csat?.n ?? 0,
                         cesMean: scores.ces?.mean, cesN: scores.ces?.n ?? 0)
        }
        return ReportTimeline(period: daily ? .day : .week, points: points)
    }

    /// The answers summed per period: period start → question → value → count.
    private static func buckets(_ answersByHour: [Int64: [String: [Double: Int]]], period: Period,
                                calendar: Calendar) -> [Int64: [String: [Double: Int]]] {
        var buckets: [Int64: [String: [Double: Int]]] = [:]
        for (hour, questions) in answersByHour {
            let date = Date(timeIntervalSince1970: TimeInterval(hour * 3600))
            let start = period == .day ? calendar.startOfDay(for: date)
                : calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? calendar.startOfDay(for: date)
            let key = Int64(start.timeIntervalSince1970)
            for (question, values) in questions {
                buckets[key, default: [:]][question, default: [:]].merge(values, uniquingKeysWith: +)
            }
        }
        return buckets
    }
}
