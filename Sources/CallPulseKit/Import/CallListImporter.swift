import Dispatch
import Foundation
import GRDB

/// Loads a client's call list into a campaign: all or nothing, streaming, with a report.
///
/// Every row is read, its number normalized to E.164 with libphonenumber, and checked against the
/// do-not-call list and the campaign's existing contacts. Rows that cannot be imported are
/// counted and written to the rejects file with their line number and reason. A structural
/// problem (no phone column, undecodable bytes, an unterminated quote) stops the import and
/// rolls it back, so nothing is half-imported. Memory stays flat: rows are handled in batches.
public struct CallListImporter: Sendable {
    /// What to import and how.
    public struct Options: Sendable {
        public var region = "FI"
        public var phoneColumn: String?
        public var encoding: TextEncoding?
        public var rejectsPath: String?
        public var dryRun = false
        public var actor = LoginName.current

        public init() {}
    }

    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// The page cache during an import, in KiB: most of the memory an import may use.
    static let importCacheKiB = 48 * 1024

    /// Rows parsed together; their phone numbers are normalized on all cores at once.
    static let batchSize = 4096

    /// Imports `file` into `campaignID`; returns what happened, or throws and imports nothing.
    public func importFile(_ file: String, into campaignID: String, options: Options, now: Int64) throws -> ImportSummary {
        let normalizer: PhoneNormalizer
        do { normalizer = try PhoneNormalizer(defaultRegion: options.region.uppercased()) } catch {
            throw ImportError.unknownRegion(options.region)
        }
        let campaign = try database.campaign(id: campaignID)
        guard campaign.status != .closed else { throw ImportError.campaignClosed(campaignID) }
        let script = try InterviewScript.parse(yaml: campaign.scriptYAML, file: campaign.scriptFile)

        let reader: CSVReader
        do { reader = try CSVReader(path: file, encoding: options.encoding) } catch {
            throw Self.structural(error, file: file)
        }
        let columns = try CallListColumns(header: reader.header, phoneColumn: options.phoneColumn, file: file, line: reader.headerLine)
        var summary = ImportSummary(file: file, campaignID: campaignID)
        summary.encoding = Self.encodingName(reader.encoding)
        summary.delimiter = Self.delimiterName(reader.delimiter)
        summary.fields = columns.extra.map { columns.names[$0] }
        summary.dryRun = options.dryRun
        summary.missingPlaceholders = script.placeholders
            .subtracting(Campaign.builtInPlaceholders.subtracting(["name", "first_name", "last_name"]))
            .subtracting(columns.placeholderNames).sorted()

        let rejects = try options.rejectsPath.map { path in
            let writer = try CSVWriter(path: path)
            try writer.writeRow(texts: ["line", "reason", "detail"] + reader.header)
            return writer
        }
        var rows = RowMapper(columns: columns, languages: script.languages, file: file)
        do {
            try database.exclusively {
                try database.writer.writeWithoutTransaction { db in
                    // A big import touches the phone indexes all over: with SQLite's default 2 MB page
                    // cache the same pages are spilled to the WAL again and again.
                    try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                    defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                    try db.inTransaction(.immediate) {
                        try importRows(db, reader: reader, rows: &rows, normalizer: normalizer, campaign: campaign,
                                       options: options, now: now, summary: &summary, rejects: rejects)
                        return options.dryRun ? .rollback : .commit
                    }
                }
            }
            try rejects?.finish()
        } catch {
            rejects?.discard()
            if error is CallListError { throw Self.structural(error, file: file) }
            throw StoreError.translate(error, path: database.path)
        }
        summary.rejectsFile = options.rejectsPath
        return summary
    }

    private func importRows(_ db: Database, reader: CSVReader, rows: inout RowMapper, normalizer: PhoneNormalizer,
                            campaign: Campaign, options: Options, now: Int64,
                            summary: inout ImportSummary, rejects: CSVWriter?) throws {
        try db.execute(sql: """
            INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid, duplicates, doNotCall)
            VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)
            """, arguments: [campaign.id, summary.file, now, options.actor])
        let importID = db.lastInsertedRowID
        let doNotCall = try DoNotCallLookup(db)
        let insert = try db.makeStatement(sql: """
            INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, lastName, language, timeZone,
                                 fields, status, attempts, importId, importLine)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0, ?, ?)
            ON CONFLICT (campaignId, phone) DO NOTHING
            """)
        let existing = try db.makeStatement(sql: "SELECT importId, importLine FROM contact WHERE campaignId = ? AND phone = ?")

        func reject(_ record: CSVRecord, _ reason: ImportSummary.RejectReason, _ detail: String) throws {
            let item = ImportSummary.Reject(line: record.line, reason: reason, detail: detail)
            summary.count(item)
            try rejects?.writeRow(texts: [String(record.line), reason.rawValue, detail] + record.fields)
        }

        /// The next batch of records; empty at the end of the file.
        func readBatch() throws -> [CSVRecord] {
            var batch: [CSVRecord] = []
            batch.reserveCapacity(Self.batchSize)
            while batch.count < Self.batchSize, let record = try reader.next() {
                // Excel writes rows of bare delimiters (";;;") after the data: blank lines, not contacts.
                if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
                batch.append(record)
            }
            return batch
        }

        // A pipeline: while this thread inserts one batch, the next one's numbers are parsed on the
        // other cores (libphonenumber is most of an import's work).
        var batch = try readBatch()
        var parsing = PhoneBatch(batch, column: rows.columns.phone, normalizer: normalizer)
        while !batch.isEmpty {
            let next = try readBatch()
            let nextParsing = PhoneBatch(next, column: rows.columns.phone, normalizer: normalizer)
            let phones = parsing.results()
            summary.rowsRead += batch.count
            defer {
                batch = next
                parsing = nextParsing
            }
            for (record, phone) in zip(batch, phones) {
                let mapped: RowMapper.Mapped
                switch rows.map(record) {
                case let .failure(problem):
                    try reject(record, .badRow, problem.message)
                    continue
                case let .success(value): mapped = value
                }
                guard case let .valid(number) = phone else {
                    if case let .invalid(reason) = phone { try reject(record, .invalidNumber, reason) }
                    continue
                }
                if try doNotCall.contains(number.e164, db) {
                    try reject(record, .doNotCall, "number \(number.e164) is on the do-not-call list")
                    continue
                }
                let timeZone = mapped.timeZone ?? PhoneNormalizer.timeZone(forRegion: number.region)
                try insert.execute(arguments: [
                    campaign.id, number.e164, number.region, mapped.name, mapped.firstName, mapped.lastName,
                    mapped.language, timeZone, mapped.fieldsJSON, importID, record.line,
                ])
                if db.changesCount == 1 {
                    summary.imported += 1
                    continue
                }
                let row = try Row.fetchOne(existing, arguments: [campaign.id, number.e164])
                if let row, (row["importId"] as Int64?) == importID {
                    try reject(record, .duplicateInFile, "number \(number.e164) is already on line \(row["importLine"] as Int? ?? 0)")
                } else {
                    try reject(record, .duplicateInCampaign, "number \(number.e164) is already in the campaign")
                }
            }
        }
        try db.execute(sql: """
            UPDATE callListImport SET rowsRead = ?, imported = ?, invalid = ?, duplicates = ?, doNotCall = ? WHERE id = ?
            """, arguments: [summary.rowsRead, summary.imported, summary.invalid,
                             summary.duplicatesInFile + summary.duplicatesInCampaign, summary.doNotCall, importID])
        let newFields = summary.fields.filter { !campaign.fields.contains($0) }
        if !newFields.isEmpty {
            var updated = campaign
            updated.fields += newFields
            try updated.update(db)
        }
        try AppDatabase.audit(db, actor: options.actor, action: "import", entity: "campaign", entityId: campaign.id,
                              detail: "\(summary.imported) contacts from \(summary.file)", at: now)
    }

    /// Parses a batch's phone numbers in the background; `results()` waits for them.
    final class PhoneBatch: @unchecked Sendable {
        // @unchecked: `parsed` is written once on the background queue before `done` is signalled,
        // and read only after waiting for it.
        private var parsed: [PhoneParseResult] = []
        private let done = DispatchGroup()

        init(_ batch: [CSVRecord], column: Int, normalizer: PhoneNormalizer) {
            done.enter()
            DispatchQueue.global().async { [self] in
                parsed = CallListImporter.parsePhones(batch, column: column, normalizer: normalizer)
                done.leave()
            }
        }

        func results() -> [PhoneParseResult] {
            done.wait()
            return parsed
        }
    }

    /// Normalizes a batch's phone numbers on every core; libphonenumber costs ~20 µs a number.
    static func parsePhones(_ batch: [CSVRecord], column: Int, normalizer: PhoneNormalizer) -> [PhoneParseResult] {
        let count = batch.count
        guard count > 0 else { return [] }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, count / 256))
        return [PhoneParseResult](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker writes only its own disjoint slice of the buffer, so sharing it is safe.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = count * worker / workers
                let end = count * (worker + 1) / workers
                for index in start..<end {
                    let fields = batch[index].fields
                    let raw = column < fields.count ? fields[column] : ""
                    (output.baseAddress! + index).initialize(to: normalizer.parse(raw, displayForms: false))
                }
            }
            initialized = count
        }
    }

    static func structural(_ error: any Error, file: String) -> ImportError {
        if let error = error as? CallListError {
            return .structural(file: file, line: error.line, message: error.message)
        }
        return .structural(file: file, line: nil, message: error.localizedDescription)
    }

    static func encodingName(_ encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        }
    }

    static func delimiterName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
