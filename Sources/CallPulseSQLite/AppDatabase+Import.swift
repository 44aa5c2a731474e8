import CallPulseDomain
import CallPulseStore
import GRDB

/// The writes of `callpulse import`: a staging import, its contacts written batch by batch,
/// then published all at once or thrown away (see `createStagedImports` for the schema).
extension AppDatabase {
    /// Contacts removed per transaction when a staged import is thrown away.
    static let discardBatchSize = 10_000

    /// Runs `body` with a page cache big enough for an import (24 MiB, most of the memory an
    /// import may use: the phone indexes are touched all over, and with SQLite's default 2 MB the
    /// same pages are spilled to the WAL again and again; 48 MiB was no faster on B1's million
    /// rows, three pairs run in turn: 105, 103, 106 s against 90, 109, 107 s, and took 27 MiB
    /// more) and a WAL checkpointed every 10,000 pages (40 MB: with SQLite's default 1,000 a
    /// million-row import copies the same index pages into the database file over and over; with
    /// no limit the WAL and its index grow to the import's size, peak memory near 100 MiB).
    /// SQLite's defaults are restored afterwards.
    public func withImportCache(_ body: () throws -> Void) throws {
        try writer.writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA cache_size = -24576; PRAGMA wal_autocheckpoint = 10000")
        }
        defer {
            try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000") }
        }
        try body()
    }

    /// Records an import of `file` as staging; its contacts will be written from the next free id up.
    public func beginImport(campaignID: String, file: String, actor: String, now: Int64) throws -> StagingImport {
        try write { db in
            let first = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(id), 0) + 1 FROM contact")!
            try db.execute(sql: """
                INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid,
                                            duplicates, doNotCall, state, firstContactId)
                VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 'staging', ?)
                """, arguments: [campaignID, file, now, actor, first])
            return StagingImport(id: db.lastInsertedRowID, firstContactID: first)
        }
    }

    /// The do-not-call list as an import checks it, read once before the import's first batch.
    public func makeDoNotCallLookup() throws -> DoNotCallLookup {
        try read(DoNotCallLookup.init)
    }

    /// Writes `contacts` as new contacts of `campaignID` in the staging import, in one (unsynced)
    /// transaction; returns what became of each, in order. A number on the do-not-call list, or
    /// already in the campaign, is left out (`contacts` repeat no number of the file: see `ImportStore`).
    public func stage(_ contacts: [StagedContact], into staging: StagingImport, campaignID: String,
                      doNotCall: DoNotCallLookup) throws -> [StagedContact.Outcome] {
        try writeUnsynced { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, lastName, language, timeZone,
                                     fields, status, attempts, importId, importLine)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0, ?, ?)
                ON CONFLICT (campaignId, phone) DO NOTHING
                """)
            var outcomes: [StagedContact.Outcome] = []
            outcomes.reserveCapacity(contacts.count)
            for contact in contacts {
                if try doNotCall.contains(contact.phone, db) {
                    outcomes.append(.doNotCall)
                    continue
                }
                try insert.execute(arguments: [
                    campaignID, contact.phone, contact.region, contact.name, contact.firstName, contact.lastName,
                    contact.language, contact.timeZone, contact.fieldsJSON, staging.id, contact.line,
                ])
                // Taken: the campaign has the number (the file's own repeats never reach the store).
                outcomes.append(db.changesCount == 1 ? .staged : .duplicateInCampaign)
            }
            return outcomes
        }
    }

    /// Makes the staged contacts part of the campaign, all at once: a few rows change, however
    /// big the import. They are all new and never called, so the tally grows by their number.
    /// `fields` are the contact fields the file brought; new ones are added to the campaign's.
    public func publishImport(_ staging: StagingImport, campaignID: String, tally: ImportTally, fields: [String],
                              file: String, actor: String, now: Int64) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE callListImport SET state = 'done', rowsRead = ?, imported = ?, invalid = ?, duplicates = ?, doNotCall = ?
                WHERE id = ?
                """, arguments: [tally.rowsRead, tally.imported, tally.invalid, tally.duplicates, tally.doNotCall, staging.id])
            if tally.imported > 0 {
                try db.execute(sql: """
                    INSERT INTO contactTally (campaignId, status, code, attempted, n) VALUES (?, 'new', '', 0, ?)
                    ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = n + excluded.n
                    """, arguments: [campaignID, tally.imported])
            }
            // The campaign is read here, in the transaction: a supervisor may have changed it while rows were staged.
            if var current = try Campaign.fetchOne(db, key: campaignID) {
                let newFields = fields.filter { !current.fields.contains($0) }
                if !newFields.isEmpty {
                    current.fields += newFields
                    try current.update(db)
                }
            }
            try Self.audit(db, actor: actor, action: "import", entity: "campaign", entityId: campaignID,
                           detail: "\(Plural.of(tally.imported, "contact")) from \(file)", at: now)
        }
    }

    /// Removes a staged import and its contacts, in short transactions so consoles keep working.
    public func discardImport(_ staging: StagingImport) throws {
        var removed: Int
        repeat {
            removed = try write { db in
                try db.execute(sql: """
                    DELETE FROM contact WHERE id IN (
                        SELECT id FROM contact WHERE id >= ? AND importId = ? LIMIT ?)
                    """, arguments: [staging.firstContactID, staging.id, Self.discardBatchSize])
                return db.changesCount
            }
        } while removed > 0
        try write { db in
            try db.execute(sql: "DELETE FROM callListImport WHERE id = ? AND state = 'staging'", arguments: [staging.id])
        }
    }

    /// Removes the staged rows of imports that were killed before they finished. Call it holding
    /// the import gate, so no staging import is alive.
    public func removeAbandonedImports(actor: String, now: Int64) throws {
        let abandoned = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, firstContactId, campaignId, file FROM callListImport WHERE state = 'staging' ORDER BY id
                """)
        }
        for row in abandoned {
            try discardImport(StagingImport(id: row["id"], firstContactID: row["firstContactId"] ?? 0))
            try write { db in
                try Self.audit(db, actor: actor, action: "import-discarded", entity: "campaign",
                               entityId: row["campaignId"], detail: "unfinished import of \(row["file"] as String)", at: now)
            }
        }
    }
}
