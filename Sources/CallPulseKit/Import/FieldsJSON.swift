
/// Encodes an ordered list of string pairs as a JSON object, fast and in column order.
///
/// `JSONEncoder` sorts or scrambles keys and costs far more per row; a call list has a million rows.
enum FieldsJSON {
    static func encode(_ pairs: some Sequence<(String, String)>) -> String {
        var out = "{"
        var first = true
        for (key, value) in pairs {
            if !first { out += "," }
            first = false
            appendString(key, to: &out)
            out += ":"
            appendString(value, to: &out)
        }
        out += "}"
        return out
    }

    private static func appendString(_ text: String, to out: inout String) {
        out += "\""
        var needsEscaping = false
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
