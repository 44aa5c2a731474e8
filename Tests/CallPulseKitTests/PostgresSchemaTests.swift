import CallPulseSQLite
import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import GRDB
import Testing

/// `PostgresSchema` on a real throwaway server: the same migrations, tables, columns, indexes and
/// triggers as the SQLite schema, migrations that race safely, a clear message for a user without
/// the right to create tables, and tallies that stay exact with eight concurrent writers.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresSchemaTests {
    /// What a freshly migrated SQLite database holds, names in lower case.
    struct SQLiteShape {
        var migrations: [String] = []
        var columns: Set<String> = []
        var indexes: Set<String> = []
        var triggers: Set<String> = []
    }

    static func sqliteShape() throws -> SQLiteShape {
        let folder = try TemporaryDirectory()
        let database = try AppDatabase.open(path: folder.file("shape.sqlite"))
        return try database.read { db in
            var shape = SQLiteShape()
            shape.migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            shape.columns = Set(try String.fetchAll(db, sql: """
                SELECT lower(m.name || '.' || p.name) FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'grdb_migrations'
                """))
            shape.indexes = Set(try String.fetchAll(db, sql: """
                SELECT lower(name) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'
                """))
            shape.triggers = Set(try String.fetchAll(db, sql: "SELECT lower(name) FROM sqlite_master WHERE type = 'trigger'"))
            return shape
        }
    }

    @Test func migratingAnEmptyDatabaseGivesTheSQLiteSchemaAndAgainDoesNothing() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        #expect(try PostgresSchema.appliedMigrations(db) == [])
        try PostgresSchema.migrate(db)
        let sqlite = try Self.sqliteShape()
        #expect(try PostgresSchema.appliedMigrations(db) == sqlite.migrations)
        #expect(PostgresSchema.migrations.map(\.name) == sqlite.migrations)
        #expect(try PostgresSchema.hasCompletedMigrations(db))

        let columns = Set(try db.execute("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name NOT IN ('schema_migrations', 'contactstaging')
            """).rows.map { try $0.value(at: 0, as: String.self) })
        #expect(columns == sqlite.columns)
        let indexes = Set(try db.execute("""
            SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """).rows.map { try $0.value(at: 0, as: String.self) })
        #expect(indexes == sqlite.indexes)
        let triggers = Set(try db.execute("""
            SELECT tgname FROM pg_trigger WHERE NOT tgisinternal
            """).rows.map { try $0.value(at: 0, as: String.self) })
        // A contact's campaign is a foreign key on SQLite, triggers on PostgreSQL (v11-contact-campaign-per-statement).
        #expect(triggers.subtracting(PostgresSchema.contactCampaignTriggers) == sqlite.triggers)
        #expect(PostgresSchema.contactCampaignTriggers.isSubset(of: triggers))

        let before = try db.execute("SELECT identifier, appliedAt::text FROM schema_migrations ORDER BY 1").rows
        try PostgresSchema.migrate(db)
        let after = try db.execute("SELECT identifier, appliedAt::text FROM schema_migrations ORDER BY 1").rows
        #expect(before.map(\.texts) == after.map(\.texts))
    }

    @Test func programsMigratingAtOnceApplyEachMigrationOnce() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let errors = Locked<[String]>([])
        onThreads(6) { _ in
            do {
                try PostgresSchema.migrate(PGConnection(conninfo))
            } catch {
                errors.mutate { $0.append("\(error)") }
            }
        }
        #expect(errors.value == [])
        let db = try PGConnection(conninfo)
        #expect(try PostgresSchema.appliedMigrations(db) == PostgresSchema.migrations.map(\.name))
        #expect(try db.execute("SELECT count(*) FROM schema_migrations").scalar(Int.self) == PostgresSchema.migrations.count)
    }

    @Test func aUserWithoutCreateIsToldWhichRightIsMissing() throws {
        let server = try PostgresTestServer.shared.get()
        let conninfo = try server.createDatabase()
        let database = try #require(try PGConnection(conninfo).execute("SELECT current_database()").scalar(String.self))
        let role = "cp_nocreate_\(getpid())_\(Int.random(in: 0..<1_000_000))"
        // PostgreSQL 15 no longer grants CREATE on schema public to everyone; older servers do.
        try server.superuser(database).execute("CREATE ROLE \(role) LOGIN; REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        let db = try PGConnection(server.conninfo(database: database, user: role))
        let error = try #require(throws: PostgresSchemaError.self) { try PostgresSchema.migrate(db) }
        #expect(error == .mayNotCreate(user: role, schema: "public", database: database))
        #expect(error.localizedDescription == "the database user \(role) may not create tables in schema public of database "
            + "\(database): ask its owner for GRANT CREATE ON SCHEMA public TO \(role), or run the first start as the owner")
        #expect(try PostgresSchema.appliedMigrations(db) == [])

        try server.superuser(database).execute("GRANT CREATE ON SCHEMA public TO \(role)")
        try PostgresSchema.migrate(db)
        #expect(try PostgresSchema.hasCompletedMigrations(db))
    }

    @Test func choiceKeysReadAnswersAsSQLiteDoes() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try PostgresSchema.migrate(db)
        let cases: [(String?, [String])] = [
            ("true", ["", "true"]), ("false", ["", "false"]), ("[\"a\",\"c\"]", ["", "a", "c"]), (" [\"b\"]", ["", "b"]),
            ("[]", []), ("\"free text\"", []), ("[not json", []), ("3", []), (nil, []), ("{\"a\":1}", []),
        ]
        for (value, keys) in cases {
            let got = try db.execute("SELECT k FROM callpulse_choice_keys($1) k", [value]).rows.map { try $0.value(at: 0, as: String.self) }
            #expect(got.sorted() == keys.sorted(), "\(value ?? "NULL")")
        }
    }

    @Test func erasedContactsRefuseNewRecordsAndDeletingACampaignClearsItsTallies() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try PostgresSchema.migrate(db)
        try Self.insertCampaign(db)
        let contact = try Self.insertContact(db, phone: "+358401")
        let interview = try Self.insertInterview(db, contact: contact, agent: "anna", startedAt: 7200, complete: true)
        try db.execute("INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt) VALUES ($1, 'q1', '4', 4, 'anna', 7300)",
                       [interview])
        try db.execute("UPDATE contact SET erasedAt = 9000 WHERE id = $1", [contact])
        for statement in [
            "INSERT INTO call (contactId, campaignId, agent, startedAt) VALUES ($1, 'c1', 'anna', 9100)",
            "INSERT INTO note (contactId, agent, createdAt, text) VALUES ($1, 'anna', 9100, 'hi')",
            "UPDATE contact SET status = 'done' WHERE id = $1",
        ] {
            let error = try #require(throws: PostgresError.self) { try db.execute(statement, [contact]) }
            #expect(error.message == PostgresSchema.erasedContactMessage)
        }
        let answer = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO answer (interviewId, questionId, value, agent, answeredAt) VALUES ($1, 'q2', 'x', 'anna', 1)",
                           [interview])
        }
        #expect(answer.message == PostgresSchema.erasedContactMessage)

        #expect(try db.execute("SELECT sum(n) FROM scoreTally").scalar(Int.self) == 1)
        try db.execute("DELETE FROM campaign WHERE id = 'c1'")
        for table in ["contactTally", "callTally", "interviewTally", "scoreTally", "agentScoreTally", "choiceTally", "agentSession"] {
            #expect(try db.execute("SELECT count(*) FROM \(table)").scalar(Int.self) == 0, "\(table)")
        }
    }

    /// The rules of the foreign key `contact.campaignId → campaign`, kept by statement triggers since
    /// v11: an unknown campaign refused with the key's own error, a campaign's deletion taking its
    /// contacts, a campaign with contacts not renamed; a many-row insert checked as one.
    @Test func aContactsCampaignIsCheckedAsByItsForeignKey() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let db = try PGConnection(conninfo)
        try PostgresSchema.migrate(db)
        #expect(try db.execute("SELECT count(*) FROM pg_constraint WHERE conname = 'contact_campaignid_fkey'").scalar(Int.self) == 0)
        try Self.insertCampaign(db)
        let unknown = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO contact (campaignId, phone) VALUES ('c1', '+358401'), ('nope', '+358402')")
        }
        #expect(unknown.sqlState == "23503")
        #expect(try db.execute("SELECT count(*) FROM contact").scalar(Int.self) == 0)

        try db.execute("INSERT INTO contact (campaignId, phone) SELECT 'c1', '+35840' || n FROM generate_series(1, 500) n")
        let contact = try Self.insertContact(db, phone: "+358409999")
        let moved = try #require(throws: PostgresError.self) {
            try db.execute("UPDATE contact SET campaignId = 'nope' WHERE id = $1", [contact])
        }
        #expect(moved.sqlState == "23503")
        let renamed = try #require(throws: PostgresError.self) { try db.execute("UPDATE campaign SET id = 'c2' WHERE id = 'c1'") }
        #expect(renamed.sqlState == "23503")
        try db.execute("UPDATE campaign SET title = 'renamed title' WHERE id = 'c1'")

        // A campaign being deleted holds back an insert into it until it is gone, which then refuses.
        try db.execute("BEGIN")
        try db.execute("DELETE FROM campaign WHERE id = 'c1'")
        let inserted = Locked<PostgresError?>(nil)
        let thread = Thread {
            do { try PGConnection(conninfo).execute("INSERT INTO contact (campaignId, phone) VALUES ('c1', '+358499')") } catch {
                inserted.mutate { $0 = error as? PostgresError }
            }
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.5)
        try db.execute("COMMIT")
        while inserted.value == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(inserted.value?.sqlState == "23503")
        #expect(try db.execute("SELECT count(*) FROM contact").scalar(Int.self) == 0)
        #expect(try db.execute("SELECT count(*) FROM contactTally").scalar(Int.self) == 0)
    }

    @Test func contactsOfAStagingImportAreNotCountedAndCopyFillsTheStagingTable() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try PostgresSchema.migrate(db)
        try Self.insertCampaign(db)
        _ = try Self.insertContact(db, phone: "+358401")
        let staging = try #require(try db.execute("""
            INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid, duplicates,
                                        doNotCall, state)
            VALUES ('c1', 'list.csv', 0, 'maija', 0, 0, 0, 0, 0, 'staging') RETURNING id
            """).scalar(Int64.self))
        let rows: [[(any PGParameter)?]] = (1...3).map { [staging, $0, "+35850\($0)", "Name\t\($0)", "{\"a\":\"b\\\\c\"}"] }
        #expect(try db.copyIn("COPY contactStaging (importId, line, phone, name, fields) FROM STDIN", rows: rows) == 3)
        try db.execute("""
            INSERT INTO contact (campaignId, phone, name, fields, importId, importLine)
            SELECT 'c1', phone, name, fields, importId, line FROM contactStaging WHERE importId = $1
            """, [staging])
        #expect(try db.execute("SELECT sum(n) FROM contactTally").scalar(Int.self) == 1)
        try db.execute("UPDATE contact SET status = 'scheduled' WHERE importId = $1", [staging])
        try db.execute("DELETE FROM contact WHERE importId = $1 AND importLine = 1", [staging])
        #expect(try db.execute("SELECT sum(n) FROM contactTally").scalar(Int.self) == 1)
        try db.execute("UPDATE callListImport SET state = 'done' WHERE id = $1", [staging])
        try db.execute("DELETE FROM contact WHERE importId = $1 AND importLine = 2", [staging])
        // Published, they are counted from here on (the publish itself adds them, as on SQLite):
        // taking away one that was never added finds no row to take from.
        #expect(try db.execute("SELECT count(*) FROM contactTally WHERE status = 'scheduled'").scalar(Int.self) == 0)
        try db.execute("UPDATE contact SET status = 'new' WHERE importId = $1", [staging])
        #expect(try db.execute("SELECT sum(n) FROM contactTally WHERE status = 'new'").scalar(Int.self) == 2)
        #expect(try db.execute("SELECT fields FROM contact WHERE importLine = 3").scalar(String.self) == "{\"a\":\"b\\\\c\"}")
    }

    @Test func talliesStayExactWithEightConcurrentWriters() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let setup = try PGConnection(conninfo)
        try PostgresSchema.migrate(setup)
        try Self.insertCampaign(setup)
        let errors = Locked<[String]>([])
        onThreads(8) { worker in
            do {
                let db = try PGConnection(conninfo)
                for round in 0..<25 {
                    try db.retryingTransaction { db in try Self.workOneCase(db, worker: worker, round: round) }
                }
            } catch {
                errors.mutate { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(errors.value == [])
        try Self.expectTalliesMatchTheRows(setup, Self.recounts)
        // Some changes that take counts away again: an interview no longer complete, an answer
        // changed, a contact and its calls and interviews deleted. (Sessions only grow: a deleted
        // call leaves its agent's session as it was, so they are no longer recounted after.)
        try setup.execute("UPDATE interview SET status = 'brokenOff' WHERE id IN (SELECT id FROM interview ORDER BY id LIMIT 5)")
        try setup.execute("UPDATE answer SET number = 1, value = '[\"b\"]' WHERE id IN (SELECT id FROM answer ORDER BY id DESC LIMIT 7)")
        try setup.execute("DELETE FROM contact WHERE id IN (SELECT id FROM contact ORDER BY id LIMIT 3)")
        try Self.expectTalliesMatchTheRows(setup, Self.recounts.filter { !$0.0.contains("agentSession") })
        #expect(try setup.execute("SELECT sum(completes) FROM interviewTally").scalar(Int.self)
            == setup.execute("SELECT count(*) FROM interview WHERE status = 'complete'").scalar(Int.self))
    }

    /// Two consoles' calls that move their contacts between the same tallies do not wait for each
    /// other's commit (the hot rows that made P2 queue): the first holds its transaction open while
    /// the second, on a server process of another slot, moves its contact with a lock timeout.
    @Test func callsOnDifferentSlotsDoNotWaitForEachOther() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let first = try PGConnection(conninfo)
        try PostgresSchema.migrate(first)
        try Self.insertCampaign(first)
        let contacts = try (1...2).map { try Self.insertContact(first, phone: "+35840\($0)") }
        let slot = "SELECT pg_backend_pid() % \(PostgresSchema.contactTallySlots)"
        let firstSlot = try first.execute(slot).scalar(Int.self)
        var others: [PGConnection] = []
        var second = try PGConnection(conninfo)
        while try second.execute(slot).scalar(Int.self) == firstSlot {
            others.append(second)
            second = try PGConnection(conninfo)
        }
        let move = "UPDATE contact SET status = 'scheduled', attempts = 1, lastCode = '3.13' WHERE id = $1"
        try first.execute("BEGIN")
        try first.execute(move, [contacts[0]])
        try second.setSetting("lock_timeout", to: "2s")
        try second.execute(move, [contacts[1]])
        try first.execute("COMMIT")
        try Self.expectTalliesMatchTheRows(first, Self.recounts)
        #expect(try first.execute("SELECT sum(n) FROM contactTally WHERE status = 'scheduled'").scalar(Int.self) == 2)
        // The same campaign deleted: its contacts leave their tallies without putting a row back.
        try first.execute("DELETE FROM campaign WHERE id = 'c1'")
        #expect(try first.execute("SELECT count(*) FROM contactTally").scalar(Int.self) == 0)
    }

    /// Two writers that meet on one agent's sessions or one interview: the first holds its
    /// transaction open while the second runs, then commits. Without the sessions' advisory lock
    /// the two calls become two sessions; without the interview's `FOR SHARE` the answer written
    /// while the interview was completed elsewhere is never counted.
    @Test(arguments: ["sessions", "answer"])
    func writersInterleavedMidTransactionKeepTheTalliesExact(_ meeting: String) throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let first = try PGConnection(conninfo)
        try PostgresSchema.migrate(first)
        try Self.insertCampaign(first)
        let contact = try Self.insertContact(first, phone: "+358400")
        let interview = try Self.insertInterview(first, contact: contact, agent: "anna", startedAt: 36_000, complete: false)
        try first.execute("BEGIN")
        if meeting == "sessions" {
            try first.execute("INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt) VALUES ($1, 'c1', 'anna', 1000, 1100)",
                              [contact])
        } else {
            try first.execute("""
                INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt) VALUES ($1, 'q1', '[\"a\"]', 7, 'anna', 1)
                """, [interview])
        }
        let secondError = Locked<String?>(nil)
        let secondDone = DispatchGroup()
        secondDone.enter()
        Thread {
            do {
                let second = try PGConnection(conninfo)
                if meeting == "sessions" {
                    try second.execute("""
                        INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt) VALUES ($1, 'c1', 'anna', 1500, 1600)
                        """, [contact])
                } else {
                    try second.execute("UPDATE interview SET status = 'complete', endedAt = 36400 WHERE id = $1", [interview])
                }
            } catch {
                secondError.mutate { $0 = "\(error)" }
            }
            secondDone.leave()
        }.start()
        // Gives the second writer time to reach the lock it must wait for (or, unlocked, to commit).
        _ = secondDone.wait(timeout: .now() + 1)
        try first.execute("COMMIT")
        secondDone.wait()
        #expect(secondError.value == nil)
        try Self.expectTalliesMatchTheRows(first, Self.recounts)
    }

    static func expectTalliesMatchTheRows(_ db: PGConnection, _ recounts: [(String, String)]) throws {
        for (tally, recount) in recounts {
            let difference = try db.execute("""
                SELECT count(*) FROM (((\(tally)) EXCEPT ALL (\(recount))) UNION ALL ((\(recount)) EXCEPT ALL (\(tally)))) d
                """).scalar(Int.self)
            #expect(difference == 0, "\(tally)")
        }
    }

    /// Each tally (rows with a non-zero count) and the same figures counted from the rows.
    static let recounts: [(String, String)] = [
        ("""
         SELECT campaignId, status, code, attempted, sum(n)::bigint FROM contactTally GROUP BY 1, 2, 3, 4
         HAVING sum(n) <> 0
         """,
         """
         SELECT campaignId, status, callpulse_contact_code(status, disposition, lastCode), (attempts > 0)::int, count(*)
         FROM contact GROUP BY 1, 2, 3, 4
         """),
        ("SELECT campaignId, agent, hour, calls FROM callTally WHERE calls <> 0",
         "SELECT campaignId, agent, startedAt / 3600, count(*) FROM call GROUP BY 1, 2, 3"),
        ("SELECT campaignId, agent, hour, completes, seconds FROM interviewTally WHERE completes <> 0",
         """
         SELECT campaignId, agent, endedAt / 3600, count(*), sum(endedAt - startedAt)::bigint FROM interview
         WHERE status = 'complete' AND endedAt IS NOT NULL GROUP BY 1, 2, 3
         """),
        ("SELECT campaignId, questionId, day, value, n FROM scoreTally WHERE n <> 0",
         """
         SELECT i.campaignId, a.questionId, callpulse_utc_day(i.endedAt), a.number, count(*)
         FROM interview i JOIN answer a ON a.interviewId = i.id
         WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL GROUP BY 1, 2, 3, 4
         """),
        ("SELECT campaignId, questionId, agent, total, n FROM agentScoreTally WHERE n <> 0",
         """
         SELECT i.campaignId, a.questionId, i.agent, sum(a.number), count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
         WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL GROUP BY 1, 2, 3
         """),
        ("SELECT campaignId, questionId, value, n FROM choiceTally WHERE n <> 0",
         """
         SELECT i.campaignId, a.questionId, k, count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
         CROSS JOIN LATERAL callpulse_choice_keys(a.value) k WHERE i.status = 'complete' AND i.endedAt IS NOT NULL GROUP BY 1, 2, 3
         """),
        ("SELECT campaignId, agent, startedAt, endedAt FROM agentSession",
         PostgresSchema.agentSessionSQL(where: "true")),
    ]

    /// One case as a console writes it: a contact, a call, an interview with a numeric, a choice
    /// and a yes/no answer, completed (before or after its answers) or broken off. Two workers
    /// share each agent, so they meet on the same tally rows and sessions.
    static func workOneCase(_ db: PGConnection, worker: Int, round: Int) throws {
        let agent = "agent\(worker % 4)"
        let start = Int64(3600 * 10 + round * 700 + worker * 37)
        let contact = try insertContact(db, phone: "+3584\(worker)\(String(format: "%04d", round))")
        let completeFirst = round % 3 == 0
        try db.execute("""
            INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt, outcome, aapor) VALUES ($1, 'c1', $2, $3, $4, 'x', $5)
            """, [contact, agent, start, start + 400, round % 4 == 0 ? "2.20" : "1.1"])
        let interview = try insertInterview(db, contact: contact, agent: agent, startedAt: start, complete: completeFirst)
        try db.execute("""
            INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt) VALUES
                ($1, 'q1', $2, $3, $4, $5), ($1, 'q2', $6, NULL, $4, $5), ($1, 'q3', $7, NULL, $4, $5)
            """, [interview, "\(round % 5)", Double(round % 5), agent, start + 60,
                  round % 2 == 0 ? "[\"a\",\"b\"]" : "[\"c\"]", round % 3 == 1 ? "true" : "false"])
        if !completeFirst {
            let status = round % 3 == 1 ? "complete" : "brokenOff"
            try db.execute("UPDATE interview SET status = $1, endedAt = $2 WHERE id = $3", [status, start + 390, interview])
        }
        try db.execute("UPDATE contact SET status = 'done', disposition = '1.1', attempts = 1 WHERE id = $1", [contact])
    }

    static func insertCampaign(_ db: PGConnection) throws {
        try db.execute("""
            INSERT INTO campaign (id, client, title, scriptId, scriptFile, scriptYAML, maxAttempts, timeZone, quarantineDays, createdAt)
            VALUES ('c1', 'client', 'title', 's', 's.yaml', 'x', 5, 'Europe/Helsinki', 30, 0)
            """)
    }

    static func insertContact(_ db: PGConnection, phone: String) throws -> Int64 {
        try #require(try db.execute("INSERT INTO contact (campaignId, phone) VALUES ('c1', $1) RETURNING id", [phone]).scalar(Int64.self))
    }

    static func insertInterview(_ db: PGConnection, contact: Int64, agent: String, startedAt: Int64, complete: Bool) throws -> Int64 {
        try #require(try db.execute("""
            INSERT INTO interview (contactId, campaignId, agent, language, status, startedAt, endedAt)
            VALUES ($1, 'c1', $2, 'fi', $3, $4, $5) RETURNING id
            """, [contact, agent, complete ? "complete" : "active", startedAt, complete ? startedAt + 390 : nil]).scalar(Int64.self))
    }
}
