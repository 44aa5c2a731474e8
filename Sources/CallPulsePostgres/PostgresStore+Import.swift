import CallPulseDomain
import CallPulseStore
import Foundation

/// The writes of `callpulse import` on PostgreSQL: the SQLite store's staging import, with the
/// staged rows in the UNLOGGED table `contactStaging` (written with `COPY`, no WAL) instead of in
/// `contact`; publishing moves them into `contact` in one transaction, so nobody sees them before
/// and consoles keep working meanwhile (they never touch `contactStaging`).
///
/// A killed import leaves its `callListImport` row in state 'staging' and, unless the server
/// crashed (which empties an UNLOGGED table), its staged rows: the next import's
/// `removeAbandonedImports` deletes both, and any staged row whose import is gone (the table has
/// no foreign key since `v10-staging-without-foreign-key`, so nothing deletes them with it).
/// A killed SQLite import that `db copy` brought along has its staged rows in `contact`, where
/// `callpulse_staged` hides them as SQLite does; `discardImport` removes those too.
extension PostgresStore {
    /// The key of the session-level advisory lock one import holds ("CPimport" in ASCII).
    static let importLockKey: Int64 = 0x4350_696D_706F_7274

    /// How long `oneImportAtATime` waits between tries of the import lock.
    static let importLockPoll: TimeInterval = 0.1

    /// Runs `body` holding the import lock, a session-level advisory lock on this store's
    /// connection (the server drops it when the connection ends, so a killed import never keeps
    /// it). Another import holding it is waited for, polling, up to `timeout`.
    public func oneImportAtATime(timeout: TimeInterval, waiting: (() -> Void)?, _ body: () throws -> Void) throws {
        func tryLock() throws -> Bool {
            try withConnection { try $0.execute("SELECT pg_try_advisory_lock($1::bigint)", [Self.importLockKey]).scalar(Bool.self) } == true
        }
        if try !tryLock() {
            waiting?()
            let deadline = Date().addingTimeInterval(timeout)
            repeat {
                guard Date() < deadline else { throw StoreError.busy(path: location) }
                Thread.sleep(forTimeInterval: Self.importLockPoll)
            } while try !tryLock()
        }
        defer {
            _ = try? withConnection { try $0.execute("SELECT pg_advisory_unlock($1::bigint)", [Self.importLockKey]) }
        }
        try body()
    }

    /// Runs `body`: the staged rows go to an UNLOGGED table with `COPY`, which is the bulk load's
    /// tuning; nothing else needs changing on the server for an import.
    public func withImportCache(_ body: () throws -> Void) throws {
        try body()
    }

    /// Records an import of `file` as staging. Its contacts get their ids when it publishes
    /// (identity), so `firstContactId` stays NULL: no contact of it exists before then.
    public func beginImport(campaignID: String, file: String, actor: String, now: Int64) throws -> StagingImport {
        try write { connection in
            let id = try connection.execute("""
                INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid,
                                            duplicates, doNotCall, state, firstContactId)
                VALUES ($1, $2, $3::bigint, $4, 0, 0, 0, 0, 0, 'staging', NULL) RETURNING id
                """, [campaignID, file, now, actor]).scalar(Int64.self)
            return StagingImport(id: id ?? 0, firstContactID: 0)
        }
    }

    /// The do-not-call list as an import checks it: in memory when it has at most
    /// `DoNotCallLookup.inMemoryLimit` numbers, else looked up batch by batch.
    public func makeDoNotCallLookup() throws -> DoNotCallLookup {
        try read { connection in
            let count = try connection.execute("SELECT count(*) FROM doNotCall").scalar(Int.self) ?? 0
            guard count <= DoNotCallLookup.inMemoryLimit else { return DoNotCallLookup(numbers: nil) }
            let phones: [String] = try connection.execute("SELECT phone FROM doNotCall").rows.map { try $0.value(at: 0) }
            return DoNotCallLookup(numbers: Set(phones))
        }
    }

    /// Writes the contacts that are new into `contactStaging` with one `COPY`, in one transaction,
    /// and says what became of each, as the SQLite store does: a number on the do-not-call list is
    /// `.doNotCall`; one the campaign has is `.duplicateInCampaign`. `contacts` repeat no number of
    /// the file (the importer finds those in memory), so nothing reads `contactStaging` back.
    public func stage(_ contacts: [StagedContact], into staging: StagingImport, campaignID: String,
                      doNotCall: DoNotCallLookup) throws -> [StagedContact.Outcome] {
        guard !contacts.isEmpty else { return [] }
        return try write { connection in
            let phones = Self.textArray(Array(Set(contacts.map(\.phone))))
            let blocked: Set<String>
            if let numbers = doNotCall.numbers {
                blocked = numbers
            } else {
                blocked = Set(try connection.execute("SELECT phone FROM doNotCall WHERE phone = ANY($1::text[])", [phones])
                    .rows.map { try $0.value(at: 0) })
            }
            let inCampaign = Set(try connection.execute("""
                SELECT phone FROM contact WHERE campaignId = $1 AND phone = ANY($2::text[])
                """, [campaignID, phones]).rows.map { try $0.value(at: 0, as: String.self) })
            var outcomes: [StagedContact.Outcome] = []
            outcomes.reserveCapacity(contacts.count)
            var rows: [[(any PGParameter)?]] = []
            for contact in contacts {
                if blocked.contains(contact.phone) {
                    outcomes.append(.doNotCall)
                } else if inCampaign.contains(contact.phone) {
                    outcomes.append(.duplicateInCampaign)
                } else {
                    outcomes.append(.staged)
                    rows.append([staging.id, contact.line, contact.phone, contact.region, contact.name, contact.firstName,
                                 contact.lastName, contact.language, contact.timeZone, contact.fieldsJSON])
                }
            }
            if !rows.isEmpty {
                try connection.copyIn("""
                    COPY contactStaging (importId, line, phone, phoneRegion, name, firstName, lastName, language, timeZone, fields)
                    FROM STDIN
                    """, rows: rows)
            }
            return outcomes
        }
    }

    /// Makes the staged contacts part of the campaign in one transaction: they are inserted into
    /// `contact` in line order while the import is still 'staging' (so the tally triggers skip
    /// them), then the import is marked done and the tally grows by their number, as on SQLite.
    /// `fields` new to the campaign are added to its fields.
    public func publishImport(_ staging: StagingImport, campaignID: String, tally: ImportTally, fields: [String],
                              file: String, actor: String, now: Int64) throws {
        try write { connection in
            // The tally trigger skips this import's rows on this setting alone (v10-publish-tally-setting).
            try connection.execute("SELECT set_config('callpulse.publishing', $1, true)", [String(staging.id)])
            try connection.execute("""
                INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, lastName, language, timeZone,
                                     fields, status, attempts, importId, importLine)
                SELECT $1, phone, phoneRegion, name, firstName, lastName, language, timeZone,
                       COALESCE(fields, '{}'), 'new', 0, importId, line
                FROM contactStaging WHERE importId = $2::bigint ORDER BY line
                """, [campaignID, staging.id])
            try connection.execute("DELETE FROM contactStaging WHERE importId = $1::bigint", [staging.id])
            try connection.execute("""
                UPDATE callListImport SET state = 'done', rowsRead = $1::bigint, imported = $2::bigint, invalid = $3::bigint,
                                          duplicates = $4::bigint, doNotCall = $5::bigint
                WHERE id = $6::bigint
                """, [tally.rowsRead, tally.imported, tally.invalid, tally.duplicates, tally.doNotCall, staging.id])
            if tally.imported > 0 {
                try connection.execute("""
                    INSERT INTO contactTally (campaignId, status, code, attempted, n) VALUES ($1, 'new', '', 0, $2::bigint)
                    ON CONFLICT (campaignId, status, code, attempted, slot) DO UPDATE SET n = contactTally.n + excluded.n
                    """, [campaignID, tally.imported])
            }
            // Read here, in the transaction: a supervisor may have changed the campaign while rows were staged.
            if let stored = try connection.execute("SELECT fields FROM campaign WHERE id = $1 FOR UPDATE", [campaignID])
                .scalar(String.self) {
                let current = (try? JSONDecoder().decode([String].self, from: Data(stored.utf8))) ?? []
                let newFields = fields.filter { !current.contains($0) }
                if !newFields.isEmpty {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    let json = String(decoding: try encoder.encode(current + newFields), as: UTF8.self)
                    try connection.execute("UPDATE campaign SET fields = $1 WHERE id = $2", [json, campaignID])
                }
            }
            try Self.audit(connection, actor: actor, action: "import", entity: "campaign", entityId: campaignID,
                           detail: "\(Plural.of(tally.imported, "contact")) from \(file)", at: now)
        }
    }

    /// Removes a staged import and its staged rows. The rows are in `contactStaging`, which no
    /// console reads, so one statement does not hold anyone up. An import staged on SQLite and
    /// brought here by `db copy` has its rows in `contact` instead, from its `firstContactId` on
    /// (an import staged here has none): they go too, or they would turn into contacts that no
    /// tally counts once their import is gone.
    public func discardImport(_ staging: StagingImport) throws {
        try write { connection in
            try connection.execute("DELETE FROM contactStaging WHERE importId = $1::bigint", [staging.id])
            try connection.execute("""
                DELETE FROM contact WHERE importId = $1::bigint
                   AND id >= (SELECT firstContactId FROM callListImport WHERE id = $1::bigint AND state = 'staging')
                """, [staging.id])
            try connection.execute("DELETE FROM callListImport WHERE id = $1::bigint AND state = 'staging'", [staging.id])
        }
    }

    /// Removes the imports killed before they published, with their staged rows, each with an
    /// audit line. Call it holding the import lock, so no staging import is alive.
    public func removeAbandonedImports(actor: String, now: Int64) throws {
        let abandoned = try read { connection in
            try connection.execute("""
                SELECT id, campaignId, file FROM callListImport WHERE state = 'staging' ORDER BY id
                """).rows.map { (id: try $0.value(at: 0, as: Int64.self), campaign: try $0.value(at: 1, as: String.self),
                                 file: try $0.value(at: 2, as: String.self)) }
        }
        for row in abandoned {
            try discardImport(StagingImport(id: row.id, firstContactID: 0))
            try write { connection in
                try Self.audit(connection, actor: actor, action: "import-discarded", entity: "campaign",
                               entityId: row.campaign, detail: "unfinished import of \(row.file)", at: now)
            }
        }
        // Rows of an import whose callListImport row is gone (no import is staging now).
        try write { connection in
            try connection.execute("DELETE FROM contactStaging WHERE importId NOT IN (SELECT id FROM callListImport)")
        }
    }
}
