/// AAPOR's fifteen outcome rates (reference/METRICS.md): response RR1–RR6, cooperation COOP1–4,
/// refusal REF1–3 and contact CON1–3.
///
/// A rate whose denominator is zero is `nil` (shown as "–"), never 0 or NaN.
public struct OutcomeRates: Sendable, Equatable {
    /// The counts the rates come from.
    public var counts: DispositionCounts
    /// The share of unknown-eligibility cases estimated eligible, used by RR3, RR4, REF2 and CON2.
    public var e: Double

    /// Rates of `counts` with `e`, by default AAPOR's (I+P+R+NC+O)/(I+P+R+NC+O+NE) (0 when nothing is known).
    public init(counts: DispositionCounts, e: Double? = nil) {
        self.counts = counts
        self.e = e ?? counts.defaultEligibilityEstimate ?? 0
    }

    /// The names of all fifteen rates, in AAPOR's order.
    public static let names = [
        "RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4",
        "REF1", "REF2", "REF3", "CON1", "CON2", "CON3",
    ]

    /// The rates the dashboard shows unless asked for all.
    public static let headline = ["RR1", "RR3", "COOP1", "REF1", "CON1"]

    /// A rate by name (e.g. "RR3"); nil for a zero denominator or an unknown name.
    public func rate(_ name: String) -> Double? {
        let c = counts
        let interviews = Double(c.I + c.P)
        let eligibleKnown = interviews + Double(c.R + c.NC + c.O)
        let unknown = Double(c.UH + c.UO)
        let d1 = eligibleKnown + unknown, d2 = eligibleKnown + e * unknown, d3 = eligibleKnown
        let contacted = interviews + Double(c.R + c.O)
        let complete = Double(c.I), refusals = Double(c.R)
        switch name {
        case "RR1": return ratio(complete, d1)
        case "RR2": return ratio(interviews, d1)
        case "RR3": return ratio(complete, d2)
        case "RR4": return ratio(interviews, d2)
        case "RR5": return ratio(complete, d3)
        case "RR6": return ratio(interviews, d3)
        case "COOP1": return ratio(complete, interviews + Double(c.R + c.O))
        case "COOP2": return ratio(interviews, interviews + Double(c.R + c.O))
        case "COOP3": return ratio(complete, interviews + refusals)
        case "COOP4": return ratio(interviews, interviews + refusals)
        case "REF1": return ratio(refusals, d1)
        case "REF2": return ratio(refusals, d2)
        case "REF3": return ratio(refusals, d3)
        case "CON1": return ratio(contacted, d1)
        case "CON2": return ratio(contacted, d2)
        case "CON3": return ratio(contacted, d3)
        default: return nil
        }
    }

    /// Every rate by name.
    public var all: [String: Double?] {
        Dictionary(uniqueKeysWithValues: Self.names.map { ($0, rate($0)) })
    }

    private func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
