
/// Text made safe for the report's HTML, which is also well-formed XML.
///
/// Everything that came from the data (customer words, field values, campaign and client names,
/// agents) goes through `escape`: control characters and bidirectional overrides become `?`
/// (`Terminal.sanitize`), the two non-characters XML forbids (U+FFFE, U+FFFF) too, and
/// `& < > " '` become character references, so text such as `<script>` or `=HYPERLINK(` shows as
/// text and never as markup. The result is safe in element content and in quoted attribute values.
enum HTMLText {
    static func escape(_ text: String) -> String {
        let clean = Terminal.sanitize(text)
        var out = ""
        out.reserveCapacity(clean.utf8.count)
        for scalar in clean.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{FFFE}", "\u{FFFF}": out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
