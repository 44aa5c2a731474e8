/// A plain UTF-8 validator, used to sniff a file's encoding and to locate a bad byte.
package enum UTF8Validation {
    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil
    /// when all of `bytes` is valid. With `allowTruncatedTail`, a sequence cut short by the end
    /// of `bytes` (a sniffing window ending mid-character) counts as valid.
    package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, allowTruncatedTail: Bool = false) -> Int? {
        let count = bytes.count
        var i = 0
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < count else { return allowTruncatedTail ? nil : i }
                let byte = bytes[i + k]
                let (min, max) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < min || byte > max { return i }
            }
            i += length
        }
        return nil
    }
}
