/// How many cases fall in each AAPOR disposition group; the input of `OutcomeRates`.
public struct DispositionCounts: Sendable, Equatable, Codable {
    public var I = 0, P = 0, R = 0, NC = 0, O = 0, UH = 0, UO = 0, NE = 0

    public init(I: Int = 0, P: Int = 0, R: Int = 0, NC: Int = 0, O: Int = 0, UH: Int = 0, UO: Int = 0, NE: Int = 0) {
        (self.I, self.P, self.R, self.NC, self.O, self.UH, self.UO, self.NE) = (I, P, R, NC, O, UH, UO, NE)
    }

    /// Adds `count` cases of a group.
    public mutating func add(_ group: DispositionGroup, count: Int = 1) {
        switch group {
        case .I: I += count
        case .P: P += count
        case .R: R += count
        case .NC: NC += count
        case .O: O += count
        case .UH: UH += count
        case .UO: UO += count
        case .NE: NE += count
        }
    }

    /// The number of cases in a group.
    public subscript(group: DispositionGroup) -> Int {
        switch group {
        case .I: I
        case .P: P
        case .R: R
        case .NC: NC
        case .O: O
        case .UH: UH
        case .UO: UO
        case .NE: NE
        }
    }

    /// AAPOR's default estimate of the share of unknown-eligibility cases that are eligible:
    /// (I+P+R+NC+O) / (I+P+R+NC+O+NE); nil when that denominator is zero.
    public var defaultEligibilityEstimate: Double? {
        let eligible = I + P + R + NC + O
        return eligible + NE == 0 ? nil : Double(eligible) / Double(eligible + NE)
    }
}
