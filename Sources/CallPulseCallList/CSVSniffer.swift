import CallPulseDomain

/// Guesses a call-list file's encoding and delimiter from its first bytes.
package enum CSVSniffer {
    /// How many leading bytes encoding detection looks at.
    package static let sniffLength = 64 * 1024

    /// The encoding of `bytes` (the start of a file) and the length of its byte-order mark.
    ///
    /// A BOM decides; without one, two NUL bytes in the pattern of ASCII text in UTF-16 pick
    /// that byte order; then valid UTF-8 (a character cut off at the end of the window is
    /// allowed) means UTF-8, and anything else Windows-1252.
    package static func detectEncoding(_ bytes: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> (TextEncoding, bomLength: Int) {
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, 2) }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, 2) }
        if count >= 4 {
            if bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 { return (.utf16LE, 0) }
            if bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 { return (.utf16BE, 0) }
        }
        let window = UnsafeBufferPointer(rebasing: bytes[0..<min(count, sniffLength)])
        let truncated = !isWholeFile || count > sniffLength
        if UTF8Validation.firstInvalidOffset(in: window, allowTruncatedTail: truncated) == nil {
            return (.utf8, 0)
        }
        return (.windows1252, 0)
    }

    /// The byte-order mark `encoding` may start with, to drop when the caller named the encoding.
    package static func bomLength(of bytes: UnsafeBufferPointer<UInt8>, for encoding: TextEncoding) -> Int {
        let (detected, length) = detectEncoding(UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 4)]), isWholeFile: false)
        return detected == encoding ? length : 0
    }

    /// The delimiter of the first non-blank line of `bytes` (UTF-8 or an 8-bit encoding):
    /// whichever of comma, semicolon and tab occurs most often outside quotes; ties and
    /// lines with none of them give a comma.
    package static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var i = 0
        while i < bytes.count, bytes[i] == ASCII.lf || bytes[i] == ASCII.cr || bytes[i] == ASCII.space {
            i += 1
        }
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                switch byte {
                case ASCII.comma: commas += 1
                case ASCII.semicolon: semicolons += 1
                case ASCII.tab: tabs += 1
                case ASCII.lf, ASCII.cr: i = bytes.count
                default: break
                }
            }
            i += 1
        }
        if commas >= semicolons && commas >= tabs { return ASCII.comma }
        return semicolons >= tabs ? ASCII.semicolon : ASCII.tab
    }
}
