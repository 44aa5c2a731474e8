import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// The schema, built by named migrations. A migration that has landed is never edited:
    /// changes come as new migrations appended here.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE campaign (
                    id TEXT PRIMARY KEY NOT NULL,
                    client TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
                    scriptId TEXT NOT NULL,
                    scriptFile TEXT NOT NULL,
                    scriptYAML TEXT NOT NULL,
                    fields TEXT NOT NULL DEFAULT '[]',
                    maxAttempts INTEGER NOT NULL,
                    weekdayWindow TEXT,
                    saturdayWindow TEXT,
                    sundayWindow TEXT,
                    timeZone TEXT NOT NULL,
                    quarantineDays INTEGER NOT NULL,
                    createdAt INTEGER NOT NULL,
                    closedAt INTEGER
                );

                CREATE TABLE contact (
                    id INTEGER PRIMARY KEY,
                    campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                    phone TEXT NOT NULL,
                    phoneRegion TEXT,
                    name TEXT,
                    firstName TEXT,
                    lastName TEXT,
                    language TEXT,
                    timeZone TEXT,
                    fields TEXT NOT NULL DEFAULT '{}',
                    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'scheduled', 'done')),
                    disposition TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    nextCallAt INTEGER,
                    leaseAgent TEXT,
                    leaseUntil INTEGER,
                    appointmentAgent TEXT,
                    appointmentNote TEXT,
                    importId INTEGER,
                    importLine INTEGER,
                    UNIQUE (campaignId, phone)
                );
                CREATE INDEX contact_queue ON contact(campaignId, status, nextCallAt);
                CREATE INDEX contact_phone ON contact(phone);

                CREATE TABLE call (
                    id INTEGER PRIMARY KEY,
                    contactId INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                    campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                    agent TEXT NOT NULL,
                    startedAt INTEGER NOT NULL,
                    endedAt INTEGER,
                    outcome TEXT,
                    aapor TEXT,
                    note TEXT,
                    callbackAt INTEGER
                );
                CREATE INDEX call_contact ON call(contactId);
                CREATE INDEX call_campaign ON call(campaignId, startedAt);

                CREATE TABLE interview (
                    id INTEGER PRIMARY KEY,
                    contactId INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                    campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                    agent TEXT NOT NULL,
                    language TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'brokenOff', 'complete')),
                    startedAt INTEGER NOT NULL,
                    endedAt INTEGER,
                    disposition TEXT
                );
                CREATE INDEX interview_contact ON interview(contactId);
                CREATE INDEX interview_campaign ON interview(campaignId, status);

                CREATE TABLE answer (
                    id INTEGER PRIMARY KEY,
                    interviewId INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
                    questionId TEXT NOT NULL,
                    value TEXT,
                    number REAL,
                    special TEXT CHECK (special IN ('skipped', 'dontKnow', 'refused')),
                    agent TEXT NOT NULL,
                    answeredAt INTEGER NOT NULL,
                    UNIQUE (interviewId, questionId)
                );

                CREATE TABLE note (
                    id INTEGER PRIMARY KEY,
                    contactId INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                    interviewId INTEGER REFERENCES interview(id) ON DELETE CASCADE,
                    agent TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX note_contact ON note(contactId);

                CREATE TABLE followup (
                    id INTEGER PRIMARY KEY,
                    campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                    contactId INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                    interviewId INTEGER REFERENCES interview(id) ON DELETE CASCADE,
                    alertIndex INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    dueAt INTEGER,
                    resolvedAt INTEGER,
                    resolvedBy TEXT,
                    resolutionNote TEXT,
                    UNIQUE (interviewId, alertIndex)
                );
                CREATE INDEX followup_open ON followup(campaignId, resolvedAt);

                CREATE TABLE doNotCall (
                    phone TEXT PRIMARY KEY NOT NULL,
                    addedAt INTEGER NOT NULL,
                    addedBy TEXT NOT NULL,
                    source TEXT NOT NULL,
                    note TEXT
                );

                CREATE TABLE callListImport (
                    id INTEGER PRIMARY KEY,
                    campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                    file TEXT NOT NULL,
                    importedAt INTEGER NOT NULL,
                    importedBy TEXT NOT NULL,
                    rowsRead INTEGER NOT NULL,
                    imported INTEGER NOT NULL,
                    invalid INTEGER NOT NULL,
                    duplicates INTEGER NOT NULL,
                    doNotCall INTEGER NOT NULL
                );

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entityId TEXT NOT NULL,
                    detail TEXT
                );
                CREATE INDEX audit_entity ON audit(entity, entityId);
                """)
        }
        migrator.registerMigration("export-indexes") { db in
            // The export reads each interview's notes, and a campaign's interviews in id order.
            try db.execute(sql: """
                CREATE INDEX note_interview ON note(interviewId);
                CREATE INDEX interview_export ON interview(campaignId, id);
                """)
        }
        migrator.registerMigration("v2-stats-tallies", migrate: createStatsTallies)
        migrator.registerMigration("v3-staged-imports", migrate: createStagedImports)
        migrator.registerMigration("v3-erasure", migrate: createErasure)
        migrator.registerMigration("v5-card-lease-session") { db in
            // Which console holds a contact's lease (host, process and its start), so the same agent
            // starting again takes back a contact whose console is gone, and never a live one's.
            try db.execute(sql: "ALTER TABLE contact ADD COLUMN leaseSession TEXT")
        }
        migrator.registerMigration("v6-figures-agent-sessions", migrate: createAgentSessions)
        migrator.registerMigration("v6-figures-choice-tallies", migrate: createChoiceTallies)
        migrator.registerMigration("v7-phone-call-paradata", migrate: addCallParadata)
        migrator.registerMigration("v8-quotas", migrate: createQuotas)
        migrator.registerMigration("v9-queue-order") { _ in
            // PostgreSQL rebuilds its contact_queue so the claim's ORDER BY nextCallAt, id walks it
            // (PostgresSchema.queueOrder). This index already does (NULL first, the rowid ends each
            // entry): nothing to change here; the name keeps both engines' migration lists equal.
        }
        migrator.registerMigration("v10-tally-slots") { db in
            // PostgreSQL spreads each contact tally over slots, one per group of server processes,
            // so consoles' calls do not queue on one row (PostgresSchema.tallySlots). SQLite's
            // writers take turns anyway: it keeps every count in slot 0, its key unchanged.
            try db.execute(sql: "ALTER TABLE contactTally ADD COLUMN slot INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v10-contact-zones") { db in
            // A console learns its campaign's time zones by one probe a zone (SharedSQL.campaignZones).
            try db.execute(sql: "CREATE INDEX contact_zone ON contact(campaignId, timeZone)")
        }
        migrator.registerMigration("v10-staging-without-foreign-key") { _ in
            // PostgreSQL drops the foreign key of its staging table (PostgresSchema.stagingWithoutForeignKey).
            // SQLite stages into `contact` itself: nothing to change; the name keeps both engines' lists equal.
        }
        migrator.registerMigration("v10-publish-tally-setting") { _ in
            // PostgreSQL's publish tells its tally trigger which import it inserts (PostgresSchema.publishTallySetting);
            // SQLite publishes without inserting: nothing to change; the name keeps both engines' lists equal.
        }
        migrator.registerMigration("v11-contact-campaign-per-statement") { _ in
            // PostgreSQL checks a contact's campaign once per statement rather than with a foreign key's
            // query per row (PostgresSchema.contactCampaignPerStatement). SQLite's foreign key check is an
            // index probe in the same process: nothing to change; the name keeps both engines' lists equal.
        }
        return migrator
    }
}
