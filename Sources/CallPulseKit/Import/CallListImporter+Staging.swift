import CallPulseDomain
import GRDB

/// An import whose contacts are being written: they are invisible until it is published.
struct StagingImport {
    /// The `callListImport` row.
    let id: Int64
    /// The first contact id it writes; all its contacts are at or above it.
    let firstContactID: Int64
}

extension CallListImporter {
    /// Contacts removed per transaction when a staged import is thrown away.
    static let discardBatchSize = 10_000

    /// Runs `body` as the only import on the database, waiting for one that is running.
    func oneImportAtATime(waiting: (@Sendable () -> Void)?, _ body: () throws -> Void) throws {
        guard let gate = WriteGate.imports(databasePath: database.path) else { return try body() }
        try gate.withLock(timeout: Self.importWait, path: database.path, waiting: waiting, body)
    }

    /// Pages in the WAL before an import checkpoints it (40 MB): with SQLite's default 1,000 a
    /// million-row import copies the same index pages into the database file over and over;
    /// with no limit the WAL and its index grow to the import's size (peak memory near 100 MiB).
    static let importCheckpointPages = 10_000

    /// Runs `body` with a page cache big enough for an import: the phone indexes are touched all
    /// over, and with SQLite's default 2 MB the same pages are spilled to the WAL again and again.
    func withImportCache(_ body: () throws -> Void) throws {
        try database.writer.writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB); PRAGMA wal_autocheckpoint = \(Self.importCheckpointPages)")
        }
        defer {
            try? database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000") }
        }
        try body()
    }

    /// Records the import as staging; its contacts will be written from the next free id up.
    func beginImport(campaign: Campaign, file: String, actor: String, now: Int64) throws -> StagingImport {
        try database.write { db in
            let first = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(id), 0) + 1 FROM contact")!
            try db.execute(sql: """
                INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid,
                                            duplicates, doNotCall, state, firstContactId)
                VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 'staging', ?)
                """, arguments: [campaign.id, file, now, actor, first])
            return StagingImport(id: db.lastInsertedRowID, firstContactID: first)
        }
    }

    /// Makes the staged contacts part of the campaign, all at once: a few rows change, however
    /// big the import. They are all new and never called, so the tally grows by their number.
    func publish(_ staging: StagingImport, campaign: Campaign, summary: ImportSummary, actor: String, now: Int64) throws {
        try database.write { db in
            try db.execute(sql: """
                UPDATE callListImport SET state = 'done', rowsRead = ?, imported = ?, invalid = ?, duplicates = ?, doNotCall = ?
                WHERE id = ?
                """, arguments: [summary.rowsRead, summary.imported, summary.invalid,
                                 summary.duplicatesInFile + summary.duplicatesInCampaign, summary.doNotCall, staging.id])
            if summary.imported > 0 {
                try db.execute(sql: """
                    INSERT INTO contactTally (campaignId, status, code, attempted, n) VALUES (?, 'new', '', 0, ?)
                    ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = n + excluded.n
                    """, arguments: [campaign.id, summary.imported])
            }
            // The campaign is read again here: a supervisor may have changed it while rows were staged.
            var current = try Campaign.fetchOne(db, key: campaign.id) ?? campaign
            let newFields = summary.fields.filter { !current.fields.contains($0) }
            if !newFields.isEmpty {
                current.fields += newFields
                try current.update(db)
            }
            try AppDatabase.audit(db, actor: actor, action: "import", entity: "campaign", entityId: campaign.id,
                                  detail: "\(Plural.of(summary.imported, "contact")) from \(summary.file)", at: now)
        }
    }

    /// Removes a staged import and its contacts, in short transactions so consoles keep working.
    func discard(_ staging: StagingImport) throws {
        var removed: Int
        repeat {
            removed = try database.write { db in
                try db.execute(sql: """
                    DELETE FROM contact WHERE id IN (
                        SELECT id FROM contact WHERE id >= ? AND importId = ? LIMIT \(Self.discardBatchSize))
                    """, arguments: [staging.firstContactID, staging.id])
                return db.changesCount
            }
        } while removed > 0
        try database.write { db in
            try db.execute(sql: "DELETE FROM callListImport WHERE id = ? AND state = 'staging'", arguments: [staging.id])
        }
    }

    /// Removes the staged rows of imports that were killed before they finished. Called holding
    /// the import gate, so no staging import is alive.
    func removeAbandonedImports(actor: String, now: Int64) throws {
        let abandoned = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, firstContactId, campaignId, file FROM callListImport WHERE state = 'staging' ORDER BY id
                """)
        }
        for row in abandoned {
            try discard(StagingImport(id: row["id"], firstContactID: row["firstContactId"] ?? 0))
            try database.write { db in
                try AppDatabase.audit(db, actor: actor, action: "import-discarded", entity: "campaign",
                                      entityId: row["campaignId"], detail: "unfinished import of \(row["file"] as String)", at: now)
            }
        }
    }
}
