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
///
/// Each field's UTF-8 is scanned once, as bytes, for what needs quoting and copied into one
/// buffer kept for the whole file: an export writes millions of fields.
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
    /// Whole rows as UTF-8, written out once past 64 KiB; its storage is kept between flushes.
    private var buffer: [UInt8] = []
    private let lineEnding: [UInt8]
    /// A number's bytes with a decimal comma, reused for every such number.
    private var scratch: [UInt8] = []
    /// Text fields go through `Terminal.sanitize`: set when the CSV goes to a terminal, where it
    /// is read by a person rather than a spreadsheet.
    var sanitizesText = false

    /// Opens `path` for writing (through a temporary file beside it).
    public init(path: String, dialect: Dialect = .rfc4180) throws {
        self.dialect = dialect
        lineEnding = dialect.lineEnding.bytes
        file = try PrivateFileWriter(path: path)
        startBuffer()
    }

    /// Streams to standard output: nothing to rename, and nothing to take back on failure. On a
    /// terminal, control characters in text fields show as `?` (see `Terminal.sanitize`); to a
    /// file or a pipe every byte is written as it is.
    public init(standardOutput dialect: Dialect = .rfc4180) {
        self.dialect = dialect
        lineEnding = dialect.lineEnding.bytes
        file = PrivateFileWriter(standardOutput: ())
        sanitizesText = Terminal.stdoutIsTerminal
        startBuffer()
    }

    private func startBuffer() {
        buffer.reserveCapacity(1 << 17)
        // U+FEFF in UTF-8; `flush` re-encodes it as the dialect's encoding writes a byte-order mark.
        if dialect.byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Writes one record. A record of one empty field is written as `""`, not as a blank line.
    public func writeRow(_ fields: [Field]) throws {
        if fields.count == 1, fields[0] == .empty || fields[0] == .text("") {
            buffer.append(0x22)
            buffer.append(0x22)
            buffer.append(contentsOf: lineEnding)
            return
        }
        for index in fields.indices {
            if index > 0 { buffer.append(dialect.delimiter) }
            switch fields[index] {
            case .empty: break
            case let .number(text) where dialect.decimalComma: appendDecimalComma(text)
            case let .number(text): appendEscaped(text, guardFormula: false)
            case let .text(text): appendEscaped(sanitizesText ? Terminal.sanitize(text, singleLine: false) : text, guardFormula: true)
            }
        }
        buffer.append(contentsOf: lineEnding)
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
        scratch.removeAll(keepingCapacity: true)
        for byte in text.utf8 { scratch.append(byte == UInt8(ascii: ".") ? UInt8(ascii: ",") : byte) }
        scratch.withUnsafeBufferPointer { appendEscaped($0, text: nil, guardFormula: false) }
    }

    private func appendEscaped(_ text: String, guardFormula: Bool) {
        // A native string's UTF-8 in place (a bridged one is made native first).
        var contiguous = text
        contiguous.withUTF8 { appendEscaped($0, text: text, guardFormula: guardFormula) }
    }

    /// Appends a field's UTF-8 bytes, quoted when they hold the delimiter, a quote, a line break
    /// or a blank at either end, with quotes doubled; `text` (the same characters) is read only
    /// when the first byte is outside ASCII, for the formula guard.
    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, text: String?, guardFormula: Bool) {
        guard let first = bytes.first, let last = bytes.last else { return }
        let guarded = guardFormula
            && (Self.isFormulaStart(first) || (first >= 0x80 && text.map(Self.startsLikeFormula) == true))
        // Spaces and tabs at either end are quoted so readers that trim unquoted fields (ours,
        // and Excel's import) keep them; after the guard's `'` a leading one is no longer at the end.
        var needsQuotes = (!guarded && Self.isBlank(first)) || Self.isBlank(last)
        var quotes = 0
        let delimiter = dialect.delimiter
        for byte in bytes {
            if byte == 0x22 {
                quotes += 1
            } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
            }
        }
        if quotes > 0 { needsQuotes = true }
        if needsQuotes { buffer.append(0x22) }
        if guarded { buffer.append(UInt8(ascii: "'")) }
        if quotes == 0 {
            buffer.append(contentsOf: bytes)
        } else {
            var start = 0
            for index in bytes.indices where bytes[index] == 0x22 {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
                buffer.append(0x22)
                start = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if needsQuotes { buffer.append(0x22) }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// Whether a text field gets the leading `'` that keeps a spreadsheet from reading it as a formula.
    static func needsFormulaGuard(_ text: String) -> Bool {
        text.utf8.first.map(isFormulaStart) == true || startsLikeFormula(text)
    }

    /// Whether `text` starts with a character outside ASCII that a spreadsheet may still read as
    /// the start of a formula: a fullwidth `＝ ＋ － ＠` (Excel under an East Asian locale folds them
    /// to ASCII), or an invisible format character such as U+202E or U+200B before one.
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.value >= 0x80 else { return false }
        return [0xFF1D, 0xFF0B, 0xFF0D, 0xFF20].contains(first.value) || first.properties.generalCategory == .format
    }
}
