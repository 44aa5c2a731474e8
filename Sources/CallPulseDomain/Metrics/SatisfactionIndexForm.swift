import Foundation

/// The two ways a Customer Satisfaction Index is computed from a scale's mean (reference/METRICS.md "CSI").
/// Whichever is shown, its `label` goes with it.
public enum SatisfactionIndexForm: String, Sendable, Codable, CaseIterable {
    /// The seeds' form: 100 × mean ÷ scale maximum (mean 8.5 on 1–10 → 85).
    case ofMaximum
    /// The form many research firms use: 100 × (mean − min) ÷ (max − min).
    case ofRange

    /// The formula, for people.
    public var label: String {
        switch self {
        case .ofMaximum: "100 × mean ÷ max"
        case .ofRange: "100 × (mean − min) ÷ (max − min)"
        }
    }

    /// The index of `mean` on a scale.
    public func index(mean: Double, range: ClosedRange<Int>) -> Double {
        switch self {
        case .ofMaximum:
            100 * mean / Double(range.upperBound)
        case .ofRange:
            100 * (mean - Double(range.lowerBound)) / (Double(range.upperBound) - Double(range.lowerBound))
        }
    }
}
