import Foundation

/// The answers to one rating-scale question: how many gave each point, and the figures made from them.
///
/// Used for CES (mean on the script's scale), CSAT (top-2-box % and mean), CSI and any other scale.
public struct ScaleSummary: Sendable, Equatable {
    /// The scale's points, e.g. 1...5.
    public var range: ClosedRange<Int>
    /// Which end is good.
    public var good: ScaleDirection
    /// Answers per point that has any (a scale's width costs nothing: a script may declare a wide
    /// range, and the figures never allocate or loop per declared point).
    public private(set) var answers: [Int: Int] = [:]

    /// An empty summary for a scale.
    public init(range: ClosedRange<Int>, good: ScaleDirection = .highIsGood) {
        self.range = range
        self.good = good
    }

    /// A summary with the given counts per point.
    public init(range: ClosedRange<Int>, good: ScaleDirection = .highIsGood, counts: [Int]) {
        precondition(Self.points(of: range).map { $0 == counts.count } ?? false, "one count per scale point")
        self.range = range
        self.good = good
        for (offset, count) in counts.enumerated() where count != 0 { answers[range.lowerBound + offset] = count }
    }

    /// `counts[i]` answers gave `range.lowerBound + i`: one count per point, for scales of at most
    /// `QuestionKind.maxScalePoints` points (what a script may declare); a wider range (a summary
    /// made outside a script) gives only the points that have answers, in order.
    public var counts: [Int] {
        guard Self.points(of: range) != nil else { return answers.keys.sorted().map { answers[$0]! } }
        return range.map { answers[$0] ?? 0 }
    }

    /// The number of points of `range` when it has at most `QuestionKind.maxScalePoints`; nil for wider ones.
    package static func points(of range: ClosedRange<Int>) -> Int? {
        let width = range.upperBound.subtractingReportingOverflow(range.lowerBound)
        guard !width.overflow, width.partialValue < QuestionKind.maxScalePoints else { return nil }
        return width.partialValue + 1
    }

    /// Adds `count` answers of `value`; values off the scale are ignored.
    public mutating func add(_ value: Int, count: Int = 1) {
        guard range.contains(value) else { return }
        answers[value, default: 0] += count
    }

    /// The number of answers.
    public var n: Int { answers.values.reduce(0, +) }

    /// The mean answer; nil without answers.
    public var mean: Double? {
        guard n > 0 else { return nil }
        let sum = answers.reduce(0.0) { $0 + Double($1.key) * Double($1.value) }
        return sum / Double(n)
    }

    /// Percent (0–100) of answers at or beyond `threshold` towards the good end (e.g. CSAT 4–5:
    /// `percentGood(from: 4)`); nil without answers.
    public func percentGood(from threshold: Int) -> Double? {
        guard n > 0 else { return nil }
        let hits = answers.filter { good == .highIsGood ? $0.key >= threshold : $0.key <= threshold }
            .reduce(0) { $0 + $1.value }
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
