import CallPulseCallList
import CallPulseStore

/// A do-not-call list to import: a CSV file whose phone column is found as a call list's is
/// (`phone`, `puhelin`, `telefon`, … or `phoneColumn`), or a plain list of one number per line
/// with no header. Encodings and delimiters are detected as for call lists.
public enum DoNotCallFile {
    /// A valid number and the line it is on.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        /// E.164.
        public var phone: String
    }

    /// Every number in the file, in file order (blank lines skipped).
    ///
    /// - Throws: `PrivacyError.invalidLines` naming each line that holds no valid number as
    ///   `FILE:LINE: reason` (the reason quotes the value), `PrivacyError.unknownRegion`, or
    ///   `ImportError.structural` when the file cannot be read as CSV.
    public static func read(path: String, region: String, phoneColumn: String?) throws -> [Entry] {
        let normalizer: PhoneNormalizer
        do { normalizer = try PhoneNormalizer(defaultRegion: region) } catch {
            throw PrivacyError.unknownRegion(Terminal.sanitize(region))
        }
        do {
            let reader = try CSVReader(path: path)
            var entries: [Entry] = []
            var problems: [String] = []
            func take(_ value: String, line: Int) {
                switch normalizer.parse(value, displayForms: false) {
                case let .valid(number): entries.append(Entry(line: line, phone: number.e164))
                case let .invalid(reason): problems.append("\(path):\(line): \(Terminal.sanitize(reason))")
                }
            }
            let column: Int?
            do {
                column = try CallListColumns(header: reader.header, phoneColumn: phoneColumn, file: path, line: reader.headerLine).phone
            } catch where phoneColumn == nil && reader.header.count == 1 {
                column = nil  // no header: the first line is a number like the rest
                take(reader.header[0], line: reader.headerLine)
            }
            let delimiter = String(UnicodeScalar(reader.delimiter))
            while let record = try reader.next() {
                if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
                if let column {
                    take(column < record.fields.count ? record.fields[column] : "", line: record.line)
                } else {
                    take(record.fields.joined(separator: delimiter), line: record.line)
                }
            }
            guard problems.isEmpty else { throw PrivacyError.invalidLines(file: path, lines: problems) }
            return entries
        } catch let error as CallListError {
            throw CallListImporter.structural(error, file: path)
        }
    }
}
