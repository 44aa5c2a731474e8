/// Text from a data file made safe to print on a terminal. Pure: knows nothing of the terminal itself.
public enum PrintableText {
    /// Text safe to print: C0/C1 control characters (ESC, BEL, CR, backspace, CSI U+009B, …),
    /// bidirectional controls (U+202E and the other overrides, embeddings, isolates and marks) and
    /// the Unicode line and paragraph separators replaced by `?`, so a name in a call list can never
    /// move the cursor, recolour the screen, retitle the window or reorder what is shown. Line
    /// breaks and tabs become spaces when `singleLine` is true and stay otherwise.
    public static func sanitize(_ text: String, singleLine: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out.append(singleLine ? " " : scalar)
            } else if needsReplacing(scalar) {
                out.append("?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        // Invisible: zero-width space, word joiner and invisible operators, a byte-order mark met
        // inside text, interlinear annotation. Zero-width (non-)joiners stay: emoji and scripts need them.
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB: true
        default: false
        }
    }
}
