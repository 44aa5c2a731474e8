/// A script file's bytes as text: UTF-8 with or without a byte-order mark, or UTF-16 with one; a
/// byte that is not UTF-8 is a problem at its line and column. Reading the file is the app's job
/// (`ScriptFile`).
public enum ScriptText {
    /// `bytes` as text: UTF-8 (a byte-order mark dropped), or UTF-16 when a byte-order mark says so.
    package static func decode(_ bytes: [UInt8], file: String) throws(ScriptError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE, file: file)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let bad = body.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        guard let bad else { return String(decoding: body, as: UTF8.self) }
        let (line, column) = position(after: String(decoding: body[..<bad], as: UTF8.self).unicodeScalars)
        let hex = String(body[bad], radix: 16, uppercase: true)
        throw problem(file, line, column, "byte 0x\(hex) is not UTF-8 (was the file saved as Latin-1 or Windows-1252?); save the script as UTF-8")
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws(ScriptError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                scalars.append(scalar)
            case .emptyInput:
                guard bytes.count % 2 == 0 else {
                    let (line, column) = position(after: scalars)
                    throw problem(file, line, column, "the UTF-16 text ends in the middle of a character (odd number of bytes)")
                }
                return String(scalars)
            case .error:
                let (line, column) = position(after: scalars)
                throw problem(file, line, column, "the UTF-16 text has an unpaired surrogate; save the script as UTF-8")
            }
        }
    }

    /// The 1-based line and column (in Unicode scalars) just after `text`.
    package static func position(after text: String.UnicodeScalarView) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar = " "
        for scalar in text {
            if scalar == "\n" && previous == "\r" {
                // CRLF: the CR already started the new line.
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }

    package static func tooBig(_ file: String, size: Int?) -> ScriptError {
        let limit = ScriptInputGuard.maximumBytes
        let what = size.map { "the file is \($0) bytes" } ?? "the file is over \(limit) bytes"
        return problem(file, 1, 1, "\(what); scripts may be at most \(limit) bytes (1 MB)")
    }

    private static func problem(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ScriptError {
        ScriptError(problems: [ScriptProblem(file: file, line: line, column: column, message: message)])
    }
}
