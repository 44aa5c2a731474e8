import CallPulseCallList
import CallPulseDomain
import CallPulseStore
import CallPulseSystem
import Dispatch
import Foundation

/// Loads a client's call list into a campaign: all or nothing, streaming, with a report.
///
/// Every row is read, its number normalized to E.164 with libphonenumber, and checked against the
/// do-not-call list and the campaign's existing contacts. Rows that cannot be imported are
/// counted and written to the rejects file with their line number and reason. Memory stays flat:
/// rows are handled in batches.
///
/// Consoles keep working during an import: each batch is written in its own short transaction,
/// as contacts of a *staging* import that nothing serves or counts, and the import becomes
/// visible in one small transaction at the end (`publish`). A structural problem (no phone
/// column, undecodable bytes, an unterminated quote) removes what was staged, so nothing is
/// half-imported; rows left by a killed import are removed by the next one. Imports run one at
/// a time.
public struct CallListImporter: Sendable {
    /// What to import and how.
    public struct Options: Sendable {
        public var region = "FI"
        public var phoneColumn: String?
        public var encoding: TextEncoding?
        public var rejectsPath: String?
        public var dryRun = false
        public var actor = LoginName.current
        /// Called when another import is running and this one waits for it.
        public var waiting: (@Sendable () -> Void)?

        public init() {}
    }

    public let database: any CallPulseStore

    public init(database: any CallPulseStore) { self.database = database }

    /// Rows parsed together and written in one transaction; their phone numbers are normalized on
    /// all cores at once. A batch holds the database for a few tens of milliseconds.
    static let batchSize = 4096

    /// How long an import waits for another one to finish.
    static let importWait: TimeInterval = 24 * 3600

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
            .prefixingTakenFields(questionIDs: Set(script.questions.map { $0.id.lowercased() }))
        var summary = ImportSummary(file: file, campaignID: campaignID)
        summary.encoding = Self.encodingName(reader.encoding)
        summary.delimiter = Self.delimiterName(reader.delimiter)
        summary.fields = columns.extra.map { columns.names[$0] }
        summary.renamedFields = columns.renamed.map { "\($0.from) → \($0.to)" }
        summary.dryRun = options.dryRun
        summary.missingPlaceholders = script.placeholders
            .subtracting(Campaign.builtInPlaceholders.subtracting(["name", "first_name", "last_name"]))
            .subtracting(columns.placeholderNames).sorted()

        let rejects = try options.rejectsPath.map { path in
            let writer = try CSVWriter(path: path, dialect: .matching(reader))
            try writer.writeRow(texts: ["line", "reason", "detail"] + reader.header)
            return writer
        }
        let rows = RowMapper(columns: columns, languages: script.languages, file: file)
        do {
            try oneImportAtATime(waiting: options.waiting) {
                try database.removeAbandonedImports(actor: options.actor, now: now)
                let staging = try beginImport(campaign: campaign, file: file, actor: options.actor, now: now)
                do {
                    try database.withImportCache {
                        try stageRows(staging, reader: reader, rows: rows, normalizer: normalizer, campaign: campaign,
                                      summary: &summary, rejects: rejects)
                    }
                    if options.dryRun {
                        try discard(staging)
                    } else {
                        try publish(staging, campaign: campaign, summary: summary, actor: options.actor, now: now)
                    }
                } catch {
                    // What was staged is invisible; remove it now (or the next import will).
                    try? discard(staging)
                    throw error
                }
            }
            try rejects?.finish()
        } catch {
            rejects?.discard()
            if error is CallListError { throw Self.structural(error, file: file) }
            throw database.translated(error)
        }
        summary.rejectsFile = options.rejectsPath
        return summary
    }

    /// Writes the file's rows as contacts of the staging import, one batch per transaction.
    private func stageRows(_ staging: StagingImport, reader: CSVReader, rows: RowMapper, normalizer: PhoneNormalizer,
                           campaign: Campaign, summary: inout ImportSummary, rejects: CSVWriter?) throws {
        let doNotCall = try database.makeDoNotCallLookup()
        // The numbers already staged: a repeat is found here, not by asking the store.
        var stagedLines = StagedPhoneLines()

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

        /// Writes one batch in one transaction; rejects, in file order, what cannot be a contact.
        func stage(_ batch: [CSVRecord], prepared: [PreparedRow]) throws {
            var contacts: [StagedContact] = []
            contacts.reserveCapacity(batch.count)
            for (record, row) in zip(batch, prepared) {
                guard case let .success(mapped) = row.mapped, case let .valid(number) = row.phone else { continue }
                contacts.append(StagedContact(
                    phone: number.e164, region: number.region, name: mapped.name, firstName: mapped.firstName,
                    lastName: mapped.lastName, language: mapped.language,
                    timeZone: mapped.timeZone ?? PhoneNormalizer.timeZone(forRegion: number.region),
                    fieldsJSON: mapped.fieldsJSON, line: record.line))
            }
            var outcomes = try stagedLines.stage(contacts) {
                try database.stage($0, into: staging, campaignID: campaign.id, doNotCall: doNotCall)
            }.makeIterator()
            for (record, row) in zip(batch, prepared) {
                let phone = row.phone
                if case let .failure(problem) = row.mapped {
                    try reject(record, .badRow, problem.message)
                    continue
                }
                guard case let .valid(number) = phone else {
                    if case let .invalid(reason) = phone { try reject(record, .invalidNumber, reason) }
                    continue
                }
                guard let outcome = outcomes.next() else { preconditionFailure("the store answers for every contact") }
                switch outcome {
                case .staged: summary.imported += 1
                case .doNotCall: try reject(record, .doNotCall, "number \(number.e164) is on the do-not-call list")
                case let .duplicateInFile(line):
                    try reject(record, .duplicateInFile, "number \(number.e164) is already on line \(line)")
                case .duplicateInCampaign:
                    try reject(record, .duplicateInCampaign, "number \(number.e164) is already in the campaign")
                }
            }
        }

        // A pipeline: while this thread reads the file and writes one batch, the next one's rows are
        // mapped and their numbers parsed on the other cores (libphonenumber is most of an import's work).
        var batch = try readBatch()
        var preparing = PreparedBatch(batch, rows: rows, normalizer: normalizer)
        while !batch.isEmpty {
            let next = try readBatch()
            let nextPreparing = PreparedBatch(next, rows: rows, normalizer: normalizer)
            let prepared = preparing.results()
            summary.rowsRead += batch.count
            try stage(batch, prepared: prepared)
            batch = next
            preparing = nextPreparing
        }
    }

    /// One record made ready for the database: its columns mapped and its number parsed.
    struct PreparedRow {
        var mapped: Result<RowMapper.Mapped, RowMapper.Problem>
        var phone: PhoneParseResult
    }

    /// Prepares a batch in the background; `results()` waits for it.
    final class PreparedBatch: @unchecked Sendable {
        // @unchecked: `prepared` is written once on the background queue before `done` is signalled,
        // and read only after waiting for it.
        private var prepared: [PreparedRow] = []
        private let done = DispatchGroup()

        init(_ batch: [CSVRecord], rows: RowMapper, normalizer: PhoneNormalizer) {
            done.enter()
            DispatchQueue.global().async { [self] in
                prepared = CallListImporter.prepare(batch, rows: rows, normalizer: normalizer)
                done.leave()
            }
        }

        func results() -> [PreparedRow] {
            done.wait()
            return prepared
        }
    }

    /// Maps a batch's records and normalizes their numbers on every core; libphonenumber costs
    /// ~20 µs a number. Each worker maps with its own copy of `rows` (it caches time zones).
    static func prepare(_ batch: [CSVRecord], rows: RowMapper, normalizer: PhoneNormalizer) -> [PreparedRow] {
        let count = batch.count
        guard count > 0 else { return [] }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, count / 256))
        let column = rows.columns.phone
        return [PreparedRow](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker writes only its own disjoint slice of the buffer, so sharing it is safe.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var mapper = rows
                let start = count * worker / workers
                let end = count * (worker + 1) / workers
                for index in start..<end {
                    let fields = batch[index].fields
                    let raw = column < fields.count ? fields[column] : ""
                    (output.baseAddress! + index).initialize(to: PreparedRow(
                        mapped: mapper.map(batch[index]), phone: normalizer.parse(raw, displayForms: false)))
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
