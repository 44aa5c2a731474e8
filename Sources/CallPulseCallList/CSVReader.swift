import Foundation

/// Streams the records of a call-list CSV file, detecting its encoding and delimiter.
///
/// The first record that is not blank and not only delimiters is the header. Reading goes through a fixed-size buffer
/// (1 MiB chunks), so memory stays flat whatever the file's size; fields become Strings only
/// once complete. Parsing follows RFC 4180 leniently, as Excel does:
/// - fields are separated by the delimiter (`,`, `;` or tab) and records by CRLF, LF or a lone CR;
/// - a quoted field may hold delimiters, doubled quotes (`""`) and line breaks, kept verbatim;
/// - unquoted fields are trimmed of surrounding spaces (and tabs, unless tab is the delimiter),
///   and a quote inside an unquoted field is an ordinary character;
/// - blank lines (empty, or only spaces and tabs) are skipped; a record's `line` is the
///   physical line it starts on. A line of empty fields (`;;;`) is a record, not a blank line.
///
/// Errors name the file and line: an unterminated quote, a NUL byte or character, a field over
/// 1 MiB, a record over 16 MiB or over 16,384 fields, bytes invalid in the encoding, an empty file.
///
/// Not thread-safe: use one reader per file from one thread at a time.
public final class CSVReader {
    /// The header row: the first record with a non-empty field, each name trimmed, any
    /// byte-order mark removed.
    public let header: [String]
    /// The physical line the header row starts on (1 unless blank lines come first).
    public let headerLine: Int
    /// The field delimiter: detected from the header line when not given (`,` on ties).
    public let delimiter: UInt8
    /// The file's encoding: detected from a byte-order mark or the first 64 KiB when not given.
    public let encoding: TextEncoding
    /// The file's line ending, from its first line (CRLF when that could not be seen).
    public let lineEnding: LineEnding
    /// Whether the file starts with a byte-order mark.
    public let hasByteOrderMark: Bool
    /// The file as named by the caller, used in error messages.
    public let path: String

    private let parser: CSVParser

    /// Opens `path` and reads its header row.
    ///
    /// - Parameters:
    ///   - encoding: the file's encoding, or nil to detect it (BOM, else UTF-8 if the first
    ///     64 KiB are valid UTF-8, else Windows-1252). A BOM matching the encoding is dropped.
    ///   - delimiter: `,`, `;` or tab, or nil to take the most frequent of them in the header line.
    /// - Throws: `CallListError` when the file cannot be read, is empty or has no header row,
    ///   or its first record is malformed.
    public convenience init(path: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil) throws {
        try self.init(path: path, encoding: encoding, delimiter: delimiter, chunkSize: CSVParser.defaultChunkSize)
    }

    /// Opens `path` reading `chunkSize` bytes at a time (at least 8): tests and the fuzzer use tiny
    /// chunks to reach every refill boundary. With both `encoding` and `delimiter` given, nothing
    /// is read ahead for detection.
    package init(path: String, encoding: TextEncoding?, delimiter: UInt8?, chunkSize: Int) throws {
        if let delimiter, ![ASCII.comma, ASCII.semicolon, ASCII.tab].contains(delimiter) {
            throw CallListError(file: path, message: "the delimiter must be a comma, a semicolon or a tab, not '\(Unicode.Scalar(delimiter))'")
        }
        let parser = try CSVParser(path: path, chunkSize: chunkSize)
        try parser.readAhead(encoding != nil && delimiter != nil ? 4 : CSVSniffer.sniffLength)
        guard parser.end > 0 else {
            throw CallListError(file: path, message: "the file is empty (no header row)")
        }
        let start = UnsafeBufferPointer(start: parser.buffer, count: parser.end)
        let chosen: TextEncoding
        let bomLength: Int
        if let encoding {
            chosen = encoding
            bomLength = CSVSniffer.bomLength(of: start, for: encoding)
        } else {
            (chosen, bomLength) = CSVSniffer.detectEncoding(start, isWholeFile: parser.inputExhausted)
        }
        lineEnding = LineEnding.detect(in: start, encoding: chosen, bomLength: bomLength)
        hasByteOrderMark = bomLength > 0
        parser.configure(encoding: chosen, bomLength: bomLength, delimiter: delimiter)
        if chosen == .utf8 || chosen == .windows1252, let nul = UnsafeBufferPointer(
            start: parser.buffer + parser.position, count: parser.end - parser.position).firstIndex(of: ASCII.nul) {
            // A binary file: say so before its first "line" is taken for a header.
            throw parser.nulError(line: 1 + parser.lineBreaks(from: parser.position, to: parser.position + nul))
        }
        let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))
        var headerRecord: CSVRecord?
        while let record = try parser.nextRecord() {
            let names = record.fields.map { $0.trimmingCharacters(in: trimmed) }
            if names.contains(where: { !$0.isEmpty }) {
                headerRecord = CSVRecord(fields: names, line: record.line)
                break
            }
        }
        guard let headerRecord else {
            throw CallListError(file: path, message: "the file is empty (no header row)")
        }
        self.path = path
        self.parser = parser
        self.encoding = chosen
        self.delimiter = parser.delimiter
        self.header = headerRecord.fields
        self.headerLine = headerRecord.line
    }

    /// The next record after the header, or nil at the end of the file. Blank lines are skipped.
    ///
    /// - Throws: `CallListError` naming the file and line for malformed input.
    public func next() throws -> CSVRecord? {
        try parser.nextRecord()
    }

    /// Bytes read from the file so far, for progress (ahead of the records returned by at most
    /// one 1 MiB chunk).
    public var bytesRead: Int {
        parser.bytesRead
    }
}
