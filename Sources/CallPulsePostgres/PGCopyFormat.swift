/// How `PGConnection.copyIn` writes rows for `COPY … FROM STDIN`: the statement's own format
/// (`WITH (FORMAT csv)` for `.csv`), with its default delimiter, NULL and quote.
public enum PGCopyFormat: Sendable {
    /// Tab-separated, NULL as `\N`, backslash, tab, newline and carriage return escaped.
    case text
    /// Comma-separated, every value double-quoted (quotes doubled), NULL as an unquoted empty field.
    case csv

    /// One row as the format writes it, ending in a newline, or nil when a value holds a NUL.
    func line(_ values: [(any PGParameter)?]) -> String? {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line.append(self == .text ? "\t" : ",") }
            guard let value else {
                if self == .text { line.append("\\N") }
                continue
            }
            let text = value.pgText
            if text.utf8.contains(0) { return nil }
            switch self {
            case .text: Self.appendEscaped(text, to: &line)
            case .csv:
                line.append("\"")
                line.append(text.replacingOccurrences(of: "\"", with: "\"\""))
                line.append("\"")
            }
        }
        line.append("\n")
        return line
    }

    /// Appends `text` escaped for COPY's text format.
    private static func appendEscaped(_ text: String, to line: inout String) {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            line.append(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": line.append("\\\\")
            case "\t": line.append("\\t")
            case "\n": line.append("\\n")
            case "\r": line.append("\\r")
            default: line.unicodeScalars.append(scalar)
            }
        }
    }
}
