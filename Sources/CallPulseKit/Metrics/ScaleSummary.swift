import Foundation

/// The answers to one rating-scale question: how many gave each point, and the figures made from them.
///
/// Used for CES (mean on the script's scale), CSAT (top-2-box % and mean), CSI and any other scale.
public struct ScaleSummary: Sendable, Equatable {
    /// The scale's points, e.g. 1...5.
    public var range: ClosedRange<Int>
    /// Which end is good.
    public var good: ScaleDirection
    /// `counts[i]` answers gave `range.lowerBound + i`.
    public var counts: [Int]

    /// An empty summary for a scale.
    public init(range: ClosedRange<Int>, good: ScaleDirection = .highIsGood) {
        self.range = range
        self.good = good
        counts = Array(repeating: 0, count: range.count)
    }

    /// A summary with the given counts per point.
    public init(range: ClosedRange<Int>, good: ScaleDirection = .highIsGood, counts: [Int]) {
        precondition(counts.count == range.count, "one count per scale point")
        self.range = range
        self.good = good
        self.counts = counts
    }

    /// Adds `count` answers of `value`; values off the scale are ignored.
    public mutating func add(_ value: Int, count: Int = 1) {
        guard range.contains(value) else { return }
        counts[value - range.lowerBound] += count
    }

    /// The number of answers.
    public var n: Int { counts.reduce(0, +) }

    /// The mean answer; nil without answers.
    public var mean: Double? {
        guard n > 0 else { return nil }
        let sum = zip(range, counts).reduce(0) { $0 + $1.0 * $1.1 }
        return Double(sum) / Double(n)
    }

    /// Percent (0–100) of answers at or beyond `threshold` towards the good end (e.g. CSAT 4–5:
    /// `percentGood(from: 4)`); nil without answers.
    public func percentGood(from threshold: Int) -> Double? {
        guard n > 0 else { return nil }
        let hits = zip(range, counts).filter { good == .highIsGood ? $0.0 >= threshold : $0.0 <= threshold }
            .reduce(0) { $0 + $1.1 }
        return 100 * Double(hits) / Double(n)
    }

    /// CSAT %: the top-2-box share of a 1–5 satisfaction scale, 100 × (4s and 5s) / n.
    public var topTwoBoxPercent: Double? {
        percentGood(from: good == .highIsGood ? range.upperBound - 1 : range.lowerBound + 1)
    }

    /// The CSI of this scale in the given form; nil without answers.
    public func satisfactionIndex(_ form: SatisfactionIndexForm) -> Double? {
        mean.map { form.index(mean: $0, range: range) }
    }
}
