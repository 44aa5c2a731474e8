import Foundation

/// Writes CSV for people who open it in a spreadsheet: RFC 4180 quoting and CRLF line ends,
/// an optional Excel dialect (semicolon, UTF-8 byte-order mark) or that of a file read in (the
/// rejects of an import: its encoding, delimiter and line ends), and a guard against formula
/// injection: a text field starting with `=`, `+`, `-`, `@`, TAB or CR, their fullwidth forms or an
/// invisible format character (U+202E, U+200B…) gets a leading `'`.
///
/// The file is written through a `PrivateFileWriter`: mode 0600, and it only takes its real name in
/// `finish()`, so a failed run never leaves a half-written file behind. Writing to standard output
/// (`init(standardOutput:)`) streams the same bytes with no temporary file.
///
/// In the Excel dialect a `.number` field's decimal point becomes a decimal comma (`3,5`), as
/// Excel reads numbers in Finnish and most European locales. Rows are built as UTF-8 and
/// re-encoded, whole rows at a time, when the dialect asks for another encoding.
public final class CSVWriter {
    /// A field to write: text (guarded against formulas) or a number (written as is, with a
    /// decimal comma in the Excel dialect). Only values that really are numbers may be `.number`.
    public enum Field: Sendable, Equatable, ExpressibleByStringLiteral {
        case text(String)
        case number(String)
        case empty

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// The file's final name, or `-` for standard output.
    public var path: String { file.path }
    public let dialect: Dialect
    private let file: PrivateFileWriter
    private var buffer: [UInt8] = []
    /// Text fields go through `Terminal.sanitize`: set when the CSV goes to a terminal, where it
    /// is read by a person rather than a spreadsheet.
    var sanitizesText = false

    /// Opens `path` for writing (through a temporary file beside it).
    public init(path: String, dialect: Dialect = .rfc4180) throws {
        self.dialect = dialect
        file = try PrivateFileWriter(path: path)
        startBuffer()
    }

    /// Streams to standard output: nothing to rename, and nothing to take back on failure. On a
    /// terminal, control characters in text fields show as `?` (see `Terminal.sanitize`); to a
    /// file or a pipe every byte is written as it is.
    public init(standardOutput dialect: Dialect = .rfc4180) {
        self.dialect = dialect
        file = PrivateFileWriter(standardOutput: ())
        sanitizesText = Terminal.stdoutIsTerminal
        startBuffer()
    }

    private func startBuffer() {
        buffer.reserveCapacity(1 << 16)
        // U+FEFF in UTF-8; `flush` re-encodes it as the dialect's encoding writes a byte-order mark.
        if dialect.byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Writes one record. A record of one empty field is written as `""`, not as a blank line.
    public func writeRow(_ fields: [Field]) throws {
        if fields.count == 1, fields[0] == .empty || fields[0] == .text("") {
            buffer += [0x22, 0x22] + dialect.lineEnding.bytes
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(dialect.delimiter) }
            switch field {
            case .empty: break
            case let .number(text) where dialect.decimalComma: appendDecimalComma(text)
            case let .number(text): appendEscaped(text, guardFormula: false)
            case let .text(text): appendEscaped(sanitizesText ? Terminal.sanitize(text, singleLine: false) : text, guardFormula: true)
            }
        }
        buffer += dialect.lineEnding.bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes one record of text fields.
    public func writeRow(texts: [String]) throws { try writeRow(texts.map { .text($0) }) }

    /// Flushes, syncs and gives the file its real name (standard output is only flushed).
    public func finish() throws {
        try flush()
        try file.finish()
    }

    /// Drops the temporary file; nothing is left under the real name.
    public func discard() { file.discard() }

    private func flush() throws {
        // The buffer holds whole rows, so whole characters.
        try file.write(dialect.encoding.encode(utf8: buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// A number with a decimal comma: `3.5` → `3,5`; quoted when the comma is the delimiter.
    private func appendDecimalComma(_ text: String) {
        guard text.utf8.contains(UInt8(ascii: ".")) else { return appendEscaped(text, guardFormula: false) }
        appendEscaped(String(text.map { $0 == "." ? "," : $0 }), guardFormula: false)
    }

    private func appendEscaped(_ text: String, guardFormula: Bool) {
        let bytes = text.utf8
        let delimiter = dialect.delimiter
        let guarded = guardFormula && Self.needsFormulaGuard(text)
        // Spaces and tabs at either end are quoted so readers that trim unquoted fields (ours,
        // and Excel's import) keep them; after the guard's `'` a leading one is no longer at the end.
        let needsQuotes = (!guarded && bytes.first.map(Self.blanks.contains) == true)
            || bytes.last.map(Self.blanks.contains) == true
            || bytes.contains { (byte: UInt8) -> Bool in byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        if needsQuotes { buffer.append(0x22) }
        if guarded { buffer.append(UInt8(ascii: "'")) }
        for byte in bytes {
            buffer.append(byte)
            if byte == 0x22 { buffer.append(0x22) }
        }
        if needsQuotes { buffer.append(0x22) }
    }

    static let blanks: Set<UInt8> = [0x20, 0x09]

    /// Whether a text field gets the leading `'` that keeps a spreadsheet from reading it as a formula.
    static func needsFormulaGuard(_ text: String) -> Bool {
        text.utf8.first.map(formulaStarts.contains) == true || startsLikeFormula(text)
    }

    /// Whether `text` starts with a character outside ASCII that a spreadsheet may still read as
    /// the start of a formula: a fullwidth `＝ ＋ － ＠` (Excel under an East Asian locale folds them
    /// to ASCII), or an invisible format character such as U+202E or U+200B before one.
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.value >= 0x80 else { return false }
        return [0xFF1D, 0xFF0B, 0xFF0D, 0xFF20].contains(first.value) || first.properties.generalCategory == .format
    }

    /// First bytes a spreadsheet would read as the start of a formula.
    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]
}
