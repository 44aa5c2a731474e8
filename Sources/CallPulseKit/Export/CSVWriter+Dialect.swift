import CallPulseCallList

extension CSVWriter {
    /// How the file is spelled: delimiter, encoding, byte-order mark, line ends and decimal mark.
    public struct Dialect: Sendable, Equatable {
        public var delimiter: UInt8
        public var encoding: TextEncoding
        /// Whether the file starts with the encoding's byte-order mark.
        public var byteOrderMark: Bool
        public var lineEnding: LineEnding
        /// Whether `.number` fields are written with a decimal comma (`3,5`).
        public var decimalComma: Bool

        /// Comma, UTF-8 without a BOM, CRLF (RFC 4180).
        public static let rfc4180 = Dialect(delimiter: ASCII.comma, encoding: .utf8, byteOrderMark: false,
                                            lineEnding: .crlf, decimalComma: false)
        /// Excel in Finnish and most European locales: semicolon, UTF-8 with a BOM, CRLF, decimal comma.
        public static let excel = Dialect(delimiter: ASCII.semicolon, encoding: .utf8, byteOrderMark: true,
                                          lineEnding: .crlf, decimalComma: true)

        /// The dialect of a file read in, so what is written back (an import's rejected rows) opens
        /// in the program that made it: the same encoding and byte-order mark, delimiter and line
        /// ends; a decimal comma where `;` is the delimiter, as in the locales that use it.
        public static func matching(_ reader: CSVReader) -> Dialect {
            Dialect(delimiter: reader.delimiter, encoding: reader.encoding, byteOrderMark: reader.hasByteOrderMark,
                    lineEnding: reader.lineEnding, decimalComma: reader.delimiter == ASCII.semicolon)
        }
    }
}
