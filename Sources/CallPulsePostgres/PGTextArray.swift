/// Reads a one-dimensional PostgreSQL array in its text output form (`text[]`, as `array_agg`
/// returns it): `{a,"b c",NULL,"x\"y"}` → `["a", "b c", nil, "x\"y"]`.
///
/// The server quotes an element that is empty, equals `NULL` in any case, or holds `{`, `}`, `,`,
/// `"`, `\` or white space, and escapes `"` and `\` inside the quotes with a backslash; an unquoted
/// `NULL` is SQL NULL (the quoted `"NULL"` is the text). A leading dimension decoration
/// (`[0:1]={…}`, for bounds other than 1) is skipped. Reads bytes, not `Character`s: it runs for
/// every exported interview.
enum PGTextArray {
    /// The elements of `text`, or nil when it is not a one-dimensional array literal.
    static func elements(_ text: String) -> [String?]? {
        var text = text
        return text.withUTF8 { elements(bytes: $0) }
    }

    /// The elements of the array literal in `bytes`, or nil when it is malformed.
    static func elements(bytes: UnsafeBufferPointer<UInt8>) -> [String?]? {
        var index = 0
        let count = bytes.count
        if count > 0, bytes[0] == UInt8(ascii: "[") {
            // Dimension decoration: skip through the `=`.
            while index < count, bytes[index] != UInt8(ascii: "=") { index += 1 }
            index += 1
        }
        guard index < count, bytes[index] == openBrace else { return nil }
        index += 1
        var elements: [String?] = []
        if index < count, bytes[index] == closeBrace { return index + 1 == count ? elements : nil }
        var scratch: [UInt8] = []
        while index < count {
            if bytes[index] == quote {
                // Quoted: up to the closing quote, a backslash taking the next byte as it is.
                index += 1
                let start = index
                var escaped = false
                while index < count, bytes[index] != quote {
                    if bytes[index] == backslash { escaped = true; index += 1 }
                    index += 1
                }
                guard index < count else { return nil }
                elements.append(escaped ? unescaped(bytes[start..<index], into: &scratch)
                                        : String(decoding: bytes[start..<index], as: UTF8.self))
                index += 1
            } else {
                let start = index
                var escaped = false
                while index < count, bytes[index] != comma, bytes[index] != closeBrace {
                    if bytes[index] == quote || bytes[index] == openBrace { return nil }
                    if bytes[index] == backslash { escaped = true; index += 1 }
                    index += 1
                }
                guard index < count else { return nil }
                let element = bytes[start..<index]
                if element.isEmpty { return nil }
                if !escaped, isNull(element) {
                    elements.append(nil)
                } else {
                    elements.append(escaped ? unescaped(element, into: &scratch)
                                            : String(decoding: element, as: UTF8.self))
                }
            }
            guard index < count else { return nil }
            if bytes[index] == closeBrace { return index + 1 == count ? elements : nil }
            guard bytes[index] == comma else { return nil }
            index += 1
        }
        return nil
    }

    /// `element` with each backslash dropped and the byte after it kept as it is.
    private static func unescaped(_ element: Slice<UnsafeBufferPointer<UInt8>>, into scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        var escaping = false
        for byte in element {
            if !escaping, byte == backslash {
                escaping = true
                continue
            }
            escaping = false
            scratch.append(byte)
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Whether an unquoted element is `NULL` (any case), which the server writes for SQL NULL.
    private static func isNull(_ element: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard element.count == 4 else { return false }
        return zip(element, "NULL".utf8).allSatisfy { $0 & 0xDF == $1 }
    }

    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
}
