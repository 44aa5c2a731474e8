
/// How a text file ends its lines: what the import found, and what a file written back for the
/// same spreadsheet (the rejects file) uses.
public enum LineEnding: Sendable, Equatable {
    case crlf, lf, cr

    /// The ending's characters (ASCII, so also its UTF-8 bytes).
    package var bytes: [UInt8] {
        switch self {
        case .crlf: [ASCII.cr, ASCII.lf]
        case .lf: [ASCII.lf]
        case .cr: [ASCII.cr]
        }
    }

    /// The ending of the first line of `bytes`, the start of a file in `encoding` whose byte-order
    /// mark is `bomLength` bytes long; CRLF (RFC 4180's) when no line ends within `bytes`.
    package static func detect(in bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, bomLength: Int) -> LineEnding {
        let width = encoding == .utf16LE || encoding == .utf16BE ? 2 : 1
        func unit(at i: Int) -> UInt16 {
            switch encoding {
            case .utf16LE: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
            case .utf16BE: UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            case .utf8, .windows1252: UInt16(bytes[i])
            }
        }
        var i = bomLength
        while i + width <= bytes.count {
            switch unit(at: i) {
            case UInt16(ASCII.lf): return .lf
            case UInt16(ASCII.cr):
                // A CR at the very end of the window may be the first half of a CRLF.
                guard i + 2 * width <= bytes.count else { return .crlf }
                return unit(at: i + width) == UInt16(ASCII.lf) ? .crlf : .cr
            default: i += width
            }
        }
        return .crlf
    }
}
