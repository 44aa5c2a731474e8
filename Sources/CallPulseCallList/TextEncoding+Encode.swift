
extension TextEncoding {
    /// `utf8`, whole characters of UTF-8, in this encoding (no byte-order mark is added; a U+FEFF
    /// in `utf8` becomes this encoding's). A character Windows-1252 has no byte for becomes `?`.
    package func encode(utf8 bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            return bytes
        case .windows1252:
            let text = String(decoding: bytes, as: UTF8.self)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for scalar in text.unicodeScalars {
                output.append(scalar == "\u{FEFF}" ? UInt8(ascii: "?") : Windows1252.byte(for: scalar) ?? UInt8(ascii: "?"))
            }
            return output
        case .utf16LE, .utf16BE:
            let text = String(decoding: bytes, as: UTF8.self)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 2)
            for unit in text.utf16 {
                let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
                output += self == .utf16LE ? [low, high] : [high, low]
            }
            return output
        }
    }
}
