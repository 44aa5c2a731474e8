
/// Windows-1252 → UTF-8 transcoding, byte by byte, without Foundation.
package enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F; 0 marks the five bytes the code page leaves undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D). Bytes 0xA0–0xFF equal their Latin-1 scalar.
    package static let highControls: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value for `byte`, or nil for the five undefined bytes.
    @inline(__always)
    package static func scalar(for byte: UInt8) -> UInt32? {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        let value = highControls[Int(byte - 0x80)]
        return value == 0 ? nil : UInt32(value)
    }

    /// Appends the UTF-8 form of `bytes` to `output`; returns the offset of the first undefined
    /// byte instead of converting it, or nil when every byte converted.
    package static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = scalar(for: byte) else { return offset }
            if scalar < 0x80 {
                output.append(UInt8(scalar))
            } else if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return nil
    }
}

extension Windows1252 {
    /// The Windows-1252 byte for `scalar`, or nil when the code page has no such character.
    package static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        guard value <= 0xFFFF, let index = highControls.firstIndex(of: UInt16(value)) else { return nil }
        return 0x80 + UInt8(index)
    }
}
