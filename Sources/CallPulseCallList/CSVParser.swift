#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level engine behind `CSVReader`: reads the file in fixed-size chunks into one
/// buffer, finds records with a table-driven scan, and builds Strings only for finished fields.
///
/// The buffer holds UTF-8 or Windows-1252 bytes (UTF-16 is transcoded to UTF-8 on the way
/// in), so the delimiter, quote, CR and LF are always single ASCII bytes that never occur
/// inside a multi-byte character. Memory stays at about one chunk plus the longest record.
package final class CSVParser {
    /// How a finished field's bytes become a String.
    package enum Decoding {
        /// UTF-8 from the file: validated, an invalid byte is an error.
        case utf8
        /// Windows-1252 from the file: transcoded; the five undefined bytes are an error.
        case windows1252
        /// UTF-8 this parser produced itself (from UTF-16): already valid.
        case trustedUTF8
    }

    /// One field located in the buffer.
    package struct FieldSpan {
        package var start: Int
        package var end: Int
        /// The field was quoted (so it is never a blank line, even when empty).
        package var quoted: Bool
        /// Doubled quotes inside, or text after the closing quote: assemble in `scratch`.
        package var needsAssembly: Bool
        /// Text after the closing quote (`"abc"def`), kept as a literal like Excel does.
        package var tailStart: Int
        package var tailEnd: Int
        /// Line breaks between the record's first line and this field's first line.
        package var lineOffset: Int
    }

    /// The outcome of scanning for one record at `position`.
    package enum Step {
        case record(next: Int, lineBreaks: Int)
        case needMore(fieldStart: Int, fieldLineOffset: Int)
    }

    package static let defaultChunkSize = 1 << 20
    package static let maxFieldBytes = 1 << 20
    package static let maxRecordBytes = 16 << 20
    /// Excel's column limit: a record with more fields is not a call list (and each field costs
    /// memory: 16 MiB of bare delimiters would otherwise become 16 million of them).
    package static let maxFields = 16_384

    /// Bit flags in `classes`.
    package static let stopsUnquoted: UInt8 = 1
    package static let stopsQuoted: UInt8 = 2
    package static let isBlank: UInt8 = 4

    package let path: String
    /// How many bytes one read asks for; tests and the fuzzer use tiny chunks to reach every
    /// refill boundary with small inputs.
    package let chunkSize: Int
    private var fd: Int32
    package var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Start of the next record in `buffer`.
    package var position = 0
    /// End of the valid bytes in `buffer`.
    package var end = 0
    /// The physical line on which the byte at `position` sits.
    package var line = 1
    /// The file has been read to its end (and, for UTF-16, decoded cleanly).
    package var inputExhausted = false
    /// Raw bytes read from the file so far.
    package private(set) var bytesRead = 0

    package var delimiter: UInt8 = ASCII.comma
    package var decoding: Decoding = .utf8
    private var transcoder: UTF16Transcoder?
    private var rawBuffer: UnsafeMutablePointer<UInt8>?
    /// A UTF-16 decoding problem met after the bytes now in `buffer`.
    private var pendingDecodeError: String?
    /// Per-byte flags: which bytes end a field, which are blanks to trim.
    package let classes: UnsafeMutablePointer<UInt8>
    /// The fields of the record being scanned: `spanCount` of `spanCapacity` slots are used.
    /// A raw buffer rather than an Array: no uniqueness or exclusivity checks per field.
    package var spans: UnsafeMutablePointer<FieldSpan>
    package var spanCapacity = 64
    package var spanCount = 0
    package var scratch: [UInt8] = []
    package var transcoded: [UInt8] = []

    /// Opens `path` for reading; nothing is read yet. `chunkSize` is at least 8 bytes.
    package init(path: String, chunkSize: Int = CSVParser.defaultChunkSize) throws {
        self.path = path
        self.chunkSize = max(8, chunkSize)
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CallListError(file: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        capacity = self.chunkSize
        buffer = .allocate(capacity: capacity)
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        spans = .allocate(capacity: spanCapacity)
        scratch.reserveCapacity(1024)
    }

    deinit {
        closeFile()
        buffer.deallocate()
        rawBuffer?.deallocate()
        classes.deallocate()
        spans.deallocate()
    }

    /// Fills the buffer with at least `count` bytes (fewer only at the end of the file).
    package func readAhead(_ count: Int) throws {
        while end < count && !inputExhausted {
            try fillBuffer()
        }
    }

    /// Makes the parser decode the file as `encoding`, skipping `bomLength` bytes, and scan
    /// for `delimiter`. Call once, after `readAhead` and before the first `nextRecord`.
    package func configure(encoding: TextEncoding, bomLength: Int, delimiter: UInt8?) {
        switch encoding {
        case .utf8: decoding = .utf8
        case .windows1252: decoding = .windows1252
        case .utf16LE, .utf16BE:
            decoding = .trustedUTF8
            let raw = Array(UnsafeBufferPointer(start: buffer + bomLength, count: end - bomLength))
            transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BE)
            rawBuffer = .allocate(capacity: chunkSize / 2)
            end = 0
            raw.withUnsafeBufferPointer { transcodeIntoBuffer($0) }
            if inputExhausted && pendingDecodeError == nil {
                pendingDecodeError = transcoder?.leftoverError()
            }
            // A decoding problem is reported once the bytes before it are parsed, not as an end of file.
            if pendingDecodeError != nil { inputExhausted = false }
        }
        if transcoder == nil { position = bomLength }
        let sniffEnd = min(end, position + CSVSniffer.sniffLength)
        self.delimiter = delimiter ?? CSVSniffer.detectDelimiter(
            UnsafeBufferPointer(start: buffer + position, count: sniffEnd - position))
        for byte in 0..<256 {
            var flags: UInt8 = 0
            switch UInt8(byte) {
            case self.delimiter, ASCII.lf, ASCII.cr:
                flags = Self.stopsUnquoted | (UInt8(byte) == self.delimiter ? 0 : Self.stopsQuoted)
            case ASCII.quote:
                flags = Self.stopsQuoted
            case ASCII.nul:
                flags = Self.stopsUnquoted | Self.stopsQuoted
            default:
                break
            }
            if UInt8(byte) == ASCII.space || (UInt8(byte) == ASCII.tab && self.delimiter != ASCII.tab) {
                flags |= Self.isBlank
            }
            classes[byte] = flags
        }
    }

    /// The next non-blank record, or nil at the end of the file.
    package func nextRecord() throws -> CSVRecord? {
        while true {
            if position == end && inputExhausted { return nil }
            switch try scanRecord() {
            case let .needMore(fieldStart, fieldLineOffset):
                if end - fieldStart > Self.maxFieldBytes {
                    throw error(line: line + fieldLineOffset, "a field is longer than 1 MiB (is a quote missing its closing quote?)")
                }
                if end - position > Self.maxRecordBytes {
                    throw error(line: line, "a record is longer than 16 MiB (is a quote missing its closing quote?)")
                }
                try fillBuffer()
            case let .record(next, lineBreaks):
                let recordLine = line
                let recordStart = position
                position = next
                line += lineBreaks
                if spanCount == 1, !spans[0].quoted, spans[0].start == spans[0].end { continue }
                if next - recordStart > Self.maxRecordBytes {
                    throw error(line: recordLine, "a record is longer than 16 MiB")
                }
                return CSVRecord(fields: try makeFields(recordLine: recordLine), line: recordLine)
            }
        }
    }

    package func error(line: Int?, _ message: String) -> CallListError {
        CallListError(file: path, line: line, message: message)
    }

    /// The number of line breaks (CRLF, LF or lone CR) in `buffer[from..<to]`.
    package func lineBreaks(from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            if buffer[i] == ASCII.lf {
                count += 1
            } else if buffer[i] == ASCII.cr && !(i + 1 < to && buffer[i + 1] == ASCII.lf) {
                count += 1
            }
            i += 1
        }
        return count
    }

    // MARK: - Reading

    /// Appends more input to the buffer, first moving the unfinished record to its front;
    /// sets `inputExhausted` at the end of the file.
    private func fillBuffer() throws {
        if let message = pendingDecodeError {
            throw error(line: line + lineBreaks(from: position, to: end), message)
        }
        if position > 0 {
            if end > position { memmove(buffer, buffer + position, end - position) }
            end -= position
            position = 0
        }
        if transcoder == nil {
            reserveFree(chunkSize / 2)
            let count = try readFile(into: buffer + end, count: capacity - end)
            if count == 0 { finishInput() }
            end += count
        } else if let rawBuffer {
            let count = try readFile(into: rawBuffer, count: chunkSize / 2)
            if count == 0 {
                if let message = transcoder?.leftoverError() { pendingDecodeError = message } else { finishInput() }
                return
            }
            transcodeIntoBuffer(UnsafeBufferPointer(start: rawBuffer, count: count))
        }
    }

    private func transcodeIntoBuffer(_ raw: UnsafeBufferPointer<UInt8>) {
        reserveFree(UTF16Transcoder.maxOutput(forInput: raw.count))
        guard let (written, problem) = transcoder?.transcode(raw, into: buffer + end) else { return }
        end += written
        if let problem { pendingDecodeError = problem }
    }

    private func reserveFree(_ free: Int) {
        guard capacity - end < free else { return }
        let newCapacity = max(capacity * 2, end + free)
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    private func readFile(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard fd >= 0 else { return 0 }
        while true {
            let result = read(fd, destination, count)
            if result >= 0 {
                bytesRead += result
                return result
            }
            if errno != EINTR {
                throw error(line: nil, "cannot read the file: \(String(cString: strerror(errno)))")
            }
        }
    }

    private func finishInput() {
        inputExhausted = true
        closeFile()
    }

    private func closeFile() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}
