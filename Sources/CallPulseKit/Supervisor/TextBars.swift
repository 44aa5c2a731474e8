
/// Bars and sparklines drawn with block characters, for the stats dashboard.
public enum TextBars {
    /// Eighths of a cell, from one eighth (▏) to a full block (█).
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Sparkline levels, lowest first.
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A horizontal bar `fraction` (0–1, clamped) of `width` cells long, in eighths of a cell; a
    /// non-zero fraction always shows at least ▏. Padded with spaces to `width` when `pad` is true.
    public static func bar(_ fraction: Double, width: Int, pad: Bool = true) -> String {
        let width = max(width, 0)
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        var units = Int((clamped * Double(width * 8)).rounded())
        if clamped > 0 { units = max(units, 1) }
        var text = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { text.append(eighths[units % 8 - 1]) }
        let used = units / 8 + (units % 8 > 0 ? 1 : 0)
        return pad ? text + String(repeating: " ", count: max(width - used, 0)) : text
    }

    /// A sparkline of `values`, one character each, scaled to the largest; all zeros draw as ▁.
    public static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(values.map { value -> Character in
            guard top > 0, value > 0 else { return levels[0] }
            let index = Int((Double(value) / Double(top) * Double(levels.count - 1)).rounded())
            return levels[max(1, min(index, levels.count - 1))]
        })
    }
}
