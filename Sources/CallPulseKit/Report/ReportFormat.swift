import Foundation

/// How the report writes numbers and dates for people in its language: a decimal comma and a
/// space before % in Finnish and Swedish, a proper minus sign, "–" for a figure that cannot be
/// computed. Figures for machines (the `data-` attributes) are written with `machine`.
struct ReportFormat {
    let language: ReportLanguage
    let timeZone: TimeZone

    /// The mark for an undefined figure (no answers, a zero denominator).
    static let missing = "–"

    /// A number with `decimals` decimals, e.g. "4,2" in Finnish; a minus sign only when the rounded
    /// number is not zero.
    func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return Self.missing }
        let (magnitude, negative) = Self.rounded(value, decimals: decimals)
        let body = language == .en ? magnitude : magnitude.replacingOccurrences(of: ".", with: ",")
        return (negative ? "−" : "") + body
    }

    /// An NPS with its sign: "+33,3", "−12,5", "0,0".
    func nps(_ value: Double?) -> String {
        guard let value, value.isFinite else { return Self.missing }
        let (magnitude, _) = Self.rounded(value, decimals: 1)
        let zero = magnitude.allSatisfy { $0 == "0" || $0 == "." }
        return (value > 0 && !zero ? "+" : "") + number(value)
    }

    /// The rounded magnitude ("12.5") and whether the rounded number is below zero.
    private static func rounded(_ value: Double, decimals: Int) -> (String, Bool) {
        let text = String(format: "%.\(decimals)f", value)
        let magnitude = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let zero = magnitude.allSatisfy { $0 == "0" || $0 == "." }
        return (magnitude, text.hasPrefix("-") && !zero)
    }

    /// A 0–100 value as a percentage: "66,7 %" (fi, sv) or "66.7%" (en).
    /// An NPS interval by its two bounds, e.g. "−57.9 … +5.7"; "–" without one.
    func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return Self.missing }
        return nps(low) + " … " + nps(high)
    }

    func percent(points: Double?, decimals: Int = 1) -> String {
        guard let points else { return Self.missing }
        return number(points, decimals: decimals) + (language == .en ? "%" : "\u{A0}%")
    }

    /// A 0–1 share as a percentage.
    func percent(share: Double?, decimals: Int = 1) -> String {
        percent(points: share.map { $0 * 100 }, decimals: decimals)
    }

    /// A count with thousands grouped: "1 234" (fi, sv, with a no-break space) or "1,234".
    func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: language == .en ? "," : "\u{A0}")
    }

    /// A date: "23.11.2026" in Finnish, "2026-11-23" otherwise.
    func date(_ seconds: Int64) -> String {
        let parts = components(seconds)
        return language == .fi ? "\(parts.day ?? 0).\(parts.month ?? 0).\(parts.year ?? 0)"
            : String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// A short day for a chart's axis: "23.11." in Finnish and Swedish, "11-23" in English.
    func shortDate(_ seconds: Int64) -> String {
        let parts = components(seconds)
        return language == .en ? String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
            : "\(parts.day ?? 0).\(parts.month ?? 0)."
    }

    /// A date and time: "23.11.2026 14.05" in Finnish, "2026-11-23 14:05" otherwise.
    func dateTime(_ seconds: Int64) -> String {
        let parts = components(seconds)
        let time = String(format: language == .fi ? "%02d.%02d" : "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return date(seconds) + " " + time
    }

    /// A figure for the `data-` attributes: Swift's shortest exact form, "" when undefined.
    static func machine(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }

    private func components(_ seconds: Int64) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                       from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
