import Foundation

/// Net Promoter Score of a set of 0–10 answers (reference/METRICS.md "NPS").
///
/// Promoters answer 9–10, passives 7–8, detractors 0–6; NPS = 100 × (promoters − detractors) / n.
/// Every figure is `nil` when there are no answers.
public struct NetPromoterScore: Sendable, Equatable {
    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    public init(promoters: Int, passives: Int, detractors: Int) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Counts the answers of a 0–10 distribution: `counts[score]` answers of each score.
    public init(distribution counts: [Int]) {
        func total(_ range: ClosedRange<Int>) -> Int { range.reduce(0) { $0 + (counts.indices.contains($1) ? counts[$1] : 0) } }
        self.init(promoters: total(9...10), passives: total(7...8), detractors: total(0...6))
    }

    /// The number of answers.
    public var n: Int { promoters + passives + detractors }

    /// The score, from −100 to +100.
    public var score: Double? {
        n == 0 ? nil : 100 * Double(promoters - detractors) / Double(n)
    }

    /// Shares of promoters, passives and detractors, 0–1 each.
    public var promoterShare: Double? { share(promoters) }
    public var passiveShare: Double? { share(passives) }
    public var detractorShare: Double? { share(detractors) }

    private func share(_ count: Int) -> Double? { n == 0 ? nil : Double(count) / Double(n) }

    /// The 95 % margin of error in points (Wald): 1.96 × √((p + d − (p − d)²) / n) × 100.
    public var marginOfError: Double? {
        Self.marginOfError(promoters: Double(promoters), detractors: Double(detractors), n: Double(n))
    }

    /// The adjusted-Wald 95 % margin of error in points, for small samples: ¾ is added to promoters
    /// and to detractors and 3 to n before the same formula (MeasuringU).
    public var adjustedMarginOfError: Double? {
        n == 0 ? nil : Self.marginOfError(promoters: Double(promoters) + 0.75, detractors: Double(detractors) + 0.75,
                                          n: Double(n) + 3)
    }

    /// The adjusted NPS the adjusted-Wald interval is centred on: 100 × ((promoters + ¾) − (detractors + ¾)) / (n + 3),
    /// i.e. 100 × (promoters − detractors) / (n + 3). Not the reported score.
    public var adjustedScore: Double? {
        n == 0 ? nil : 100 * Double(promoters - detractors) / Double(n + 3)
    }

    /// The Wald 95 % interval: score ± `marginOfError`, clamped to −100…+100.
    public var waldInterval: ClosedRange<Double>? {
        guard let score, let marginOfError else { return nil }
        return Self.interval(centre: score, margin: marginOfError)
    }

    /// The adjusted-Wald 95 % interval: `adjustedScore` ± `adjustedMarginOfError`, clamped to −100…+100
    /// (reference/METRICS.md: 10 detractors, 6 passives, 4 promoters → −57.9 … +5.7). It is centred on the
    /// adjusted NPS, so it is not symmetric around `score`: state both bounds, never "score ± margin".
    public var adjustedWaldInterval: ClosedRange<Double>? {
        guard let adjustedScore, let adjustedMarginOfError else { return nil }
        return Self.interval(centre: adjustedScore, margin: adjustedMarginOfError)
    }

    /// Below this many answers the dashboard shows the adjusted-Wald interval, from here on the Wald one.
    public static let adjustedWaldBelow = 100

    /// The margin the dashboard shows: adjusted-Wald below `adjustedWaldBelow` answers, Wald otherwise.
    /// The adjusted-Wald margin is a half-width around `adjustedScore`; show `shownInterval` to people.
    public var shownMarginOfError: (value: Double, method: String)? {
        if n < Self.adjustedWaldBelow {
            adjustedMarginOfError.map { ($0, "adjusted-wald") }
        } else {
            marginOfError.map { ($0, "wald") }
        }
    }

    /// The 95 % interval shown: adjusted Wald below `adjustedWaldBelow` answers, Wald otherwise.
    public var shownInterval: (interval: ClosedRange<Double>, method: String)? {
        if n < Self.adjustedWaldBelow {
            adjustedWaldInterval.map { ($0, "adjusted-wald") }
        } else {
            waldInterval.map { ($0, "wald") }
        }
    }

    private static func interval(centre: Double, margin: Double) -> ClosedRange<Double> {
        max(centre - margin, -100)...min(centre + margin, 100)
    }

    /// The variance p + d − (p − d)² of one answer scored +1 / 0 / −1.
    package static func variance(promoterShare p: Double, detractorShare d: Double) -> Double {
        p + d - (p - d) * (p - d)
    }

    private static func marginOfError(promoters: Double, detractors: Double, n: Double) -> Double? {
        guard n > 0 else { return nil }
        let variance = variance(promoterShare: promoters / n, detractorShare: detractors / n)
        return 1.96 * (variance / n).squareRoot() * 100
    }

    /// Which group a score belongs to: "promoter", "passive" or "detractor".
    public static func group(of score: Int) -> String {
        score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"
    }
}
