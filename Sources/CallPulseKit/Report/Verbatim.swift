
/// A customer's own words as the report quotes them: control characters replaced, runs of white
/// space made one space, anything that looks like an e-mail address or a phone number (seven or
/// more digits) replaced by "…", and cut at a word boundary after `limit` characters.
///
/// The report never shows who said it: no name, number or contact field goes with a quote.
enum Verbatim {
    static func clean(_ text: String, limit: Int = 220) -> String {
        let words = Terminal.sanitize(text).split(whereSeparator: \.isWhitespace).map { $0.contains("@") ? "…" : String($0) }
        var result = maskNumbers(words.joined(separator: " "))
        if result.count > limit {
            let cut = result.prefix(limit)
            let end = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            result = end.trimmingTrailingPunctuation() + "…"
        }
        return result
    }

    /// Replaces runs of digits, spaces, `+ - ( )` that hold seven or more digits with "…".
    static func maskNumbers(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            let trimmed = run.trimmingTrailingSeparators()
            if trimmed.filter(\.isNumber).count >= 7 {
                out += "…" + run.dropFirst(trimmed.count)
            } else {
                out += run
            }
            run = ""
        }
        for character in text {
            let separator = character == " " || character == "-" || character == "(" || character == ")" || character == "+"
            if character.isASCII && character.isNumber || (!run.isEmpty && separator) || (run.isEmpty && (character == "+" || character == "(")) {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}

private extension StringProtocol {
    func trimmingTrailingPunctuation() -> String {
        var text = String(self)
        while let last = text.last, last.isPunctuation || last.isWhitespace { text.removeLast() }
        return text
    }

    func trimmingTrailingSeparators() -> String {
        var text = String(self)
        while let last = text.last, !last.isNumber { text.removeLast() }
        return text
    }
}
