import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Migration "v3-staged-imports": an import writes its contacts in short transactions while
    /// consoles keep working, and they become visible all at once when it publishes.
    ///
    /// - `callListImport.state`: 'staging' while rows are being written, 'done' once published.
    ///   Contacts of a staging import are never served (`ContactQueue` stops below
    ///   `firstContactId`), counted (the tally triggers skip them) or shown.
    /// - `callListImport.firstContactId`: the first contact id the import wrote. Imports run one at
    ///   a time (the import gate, `WriteGate.imports`) and only imports insert contacts, so a
    ///   staging import owns every contact from there up; a crashed import's rows are found and
    ///   removed by the next import.
    /// - `followup_contact`: removing contacts checks the follow-ups that point at them.
    static func createStagedImports(_ db: Database) throws {
        // The statements of v2's tally triggers (that migration is never edited, so they are spelled out there too).
        let countContact = """
            INSERT INTO contactTally (campaignId, status, code, attempted, n)
            VALUES (NEW.campaignId, NEW.status,
                    COALESCE(CASE WHEN NEW.status = 'done' THEN NEW.disposition END, NEW.lastCode, ''), NEW.attempts > 0, 1)
            ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = n + 1;
            """
        let uncountContact = """
            UPDATE contactTally SET n = n - 1
            WHERE campaignId = OLD.campaignId AND status = OLD.status
              AND code = COALESCE(CASE WHEN OLD.status = 'done' THEN OLD.disposition END, OLD.lastCode, '')
              AND attempted = (OLD.attempts > 0);
            """
        /// Whether the trigger's row (NEW or OLD) belongs to an import that is still staging.
        func staged(_ row: String) -> String {
            "EXISTS (SELECT 1 FROM callListImport WHERE id = \(row).importId AND state = 'staging')"
        }
        try db.execute(sql: """
            ALTER TABLE callListImport ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('staging', 'done'));
            ALTER TABLE callListImport ADD COLUMN firstContactId INTEGER;
            CREATE INDEX callListImport_staging ON callListImport(firstContactId) WHERE state = 'staging';
            CREATE INDEX followup_contact ON followup(contactId);

            DROP TRIGGER contact_tally_insert;
            CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact WHEN NOT \(staged("NEW")) BEGIN
                \(countContact)
            END;
            DROP TRIGGER contact_tally_update;
            CREATE TRIGGER contact_tally_update AFTER UPDATE OF campaignId, status, disposition, lastCode, attempts ON contact
            WHEN (OLD.campaignId IS NOT NEW.campaignId OR OLD.status IS NOT NEW.status OR OLD.disposition IS NOT NEW.disposition
                  OR OLD.lastCode IS NOT NEW.lastCode OR (OLD.attempts > 0) IS NOT (NEW.attempts > 0))
                 AND NOT \(staged("OLD")) BEGIN
                \(uncountContact)
                \(countContact)
            END;
            DROP TRIGGER contact_tally_delete;
            CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact WHEN NOT \(staged("OLD")) BEGIN
                \(uncountContact)
            END;
            """)
    }

    /// The first contact id of an import still staging (its rows and all above are not yet
    /// published), or `Int64.max` when none is: queries serving or counting contacts stay below it.
    static func firstStagedContactID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT min(firstContactId) FROM callListImport WHERE state = 'staging'
            """)) ?? Int64.max
    }
}
