import Foundation

/// How the dashboard writes numbers: fixed decimals, "–" for a figure that cannot be computed.
enum StatsFormat {
    /// The mark for an undefined figure (a zero denominator, no answers).
    static let missing = "–"

    /// A 0–1 share as a percentage with one decimal, e.g. "33.3 %".
    static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.1f %%", $0 * 100) } ?? missing
    }

    /// A 0–100 value as a percentage with one decimal.
    static func percent(points: Double?) -> String {
        points.map { String(format: "%.1f %%", $0) } ?? missing
    }

    /// A number with `decimals` decimals.
    static func number(_ value: Double?, decimals: Int = 1) -> String {
        value.map { String(format: "%.\(decimals)f", $0) } ?? missing
    }

    /// An NPS with its sign, e.g. "+33.3".
    static func nps(_ value: Double?) -> String {
        value.map { String(format: "%+.1f", $0) } ?? missing
    }

    /// A 95 % interval by its two bounds, e.g. "-57.9 … +5.7"; "–" without one.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return missing }
        return nps(low) + " … " + nps(high)
    }

    /// A time in seconds as hours and minutes, `h:mm` (e.g. "0:08", "7:45").
    static func hours(_ seconds: Int) -> String {
        let minutes = max(seconds, 0) / 60
        return String(format: "%d:%02d", minutes / 60, minutes % 60)
    }

    /// A length in seconds as `m:ss`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return missing }
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// Text from the database, made safe to print and cut to `limit` characters.
    static func safe(_ text: String, limit: Int = 40) -> String {
        let clean = Terminal.sanitize(text)
        return clean.count > limit ? String(clean.prefix(limit - 1)) + "…" : clean
    }
}
