
/// Streams UTF-16 (either byte order) into UTF-8, carrying an odd byte or a high surrogate
/// across chunk boundaries, so the byte-level CSV parser only ever sees UTF-8.
package struct UTF16Transcoder {
    /// True for UTF-16BE, false for UTF-16LE.
    package let bigEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    package init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The most UTF-8 bytes `transcode` can write for `rawCount` input bytes.
    package static func maxOutput(forInput rawCount: Int) -> Int {
        (rawCount / 2 + 2) * 3
    }

    /// Converts `raw` into `output` (which must hold `maxOutput(forInput:)` bytes) and returns
    /// the number of bytes written. Stops at the first unpaired surrogate, returning what was
    /// converted before it together with a description of the bad unit.
    package mutating func transcode(_ raw: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> (written: Int, error: String?) {
        var out = 0
        var i = 0
        let count = raw.count
        while true {
            let unit: UInt16
            if let first = pendingByte {
                guard i < count else { break }
                unit = combine(first, raw[i])
                pendingByte = nil
                i += 1
            } else {
                guard i + 1 < count else {
                    if i < count { pendingByte = raw[i] }
                    break
                }
                unit = combine(raw[i], raw[i + 1])
                i += 2
            }
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                guard (0xDC00...0xDFFF).contains(unit) else {
                    return (out, describe("unpaired UTF-16 surrogate", high))
                }
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                output[out] = UInt8(0xF0 | (scalar >> 18))
                output[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                output[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                output[out + 3] = UInt8(0x80 | (scalar & 0x3F))
                out += 4
            } else if unit < 0x80 {
                output[out] = UInt8(unit)
                out += 1
            } else if unit < 0x800 {
                output[out] = UInt8(0xC0 | (unit >> 6))
                output[out + 1] = UInt8(0x80 | (unit & 0x3F))
                out += 2
            } else if (0xD800...0xDBFF).contains(unit) {
                pendingHighSurrogate = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                return (out, describe("unpaired UTF-16 surrogate", unit))
            } else {
                output[out] = UInt8(0xE0 | (unit >> 12))
                output[out + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                output[out + 2] = UInt8(0x80 | (unit & 0x3F))
                out += 3
            }
        }
        return (out, nil)
    }

    /// Describes input left over at the end of the file (an odd byte or a lone high surrogate),
    /// or nil when the input ended cleanly.
    package func leftoverError() -> String? {
        if pendingByte != nil { return "the UTF-16 text ends in the middle of a character (odd number of bytes)" }
        if let high = pendingHighSurrogate { return describe("unpaired UTF-16 surrogate", high) }
        return nil
    }

    @inline(__always)
    private func combine(_ a: UInt8, _ b: UInt8) -> UInt16 {
        bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
    }
}

/// "label 0xD83D".
private func describe(_ label: String, _ unit: UInt16) -> String {
    let hex = String(unit, radix: 16, uppercase: true)
    let padding = String(repeating: "0", count: max(0, 4 - hex.count))
    return "\(label) 0x\(padding)\(hex)"
}
