import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import CallPulseTestSupport
import Foundation
import GRDB
import Testing

/// The PostgreSQL store's import, stats, export and privacy, on a throwaway server, against the
/// SQLite store given the same rows: the same outcomes, figures and exported values; an import
/// all at once or not at all; erased numbers gone from the table files.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresStoreDataTests {
    let conninfo: String
    let store: PostgresStore
    let sql: PGConnection
    let dir: TemporaryDirectory
    let sqlite: AppDatabase
    let now: Int64 = 1_780_000_000

    init() throws {
        conninfo = try PostgresTestServer.makeDatabase()
        store = try PostgresStore.open(conninfo)
        sql = try PGConnection(conninfo)
        dir = try TemporaryDirectory()
        sqlite = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try sqlite.makeTestCampaign(id: "c")
        try sql.execute("""
            INSERT INTO campaign (id, client, title, scriptId, scriptFile, scriptYAML, maxAttempts, timeZone, quarantineDays, createdAt)
            VALUES ('c', 'Testi Oy', 'title', 's', 's.yaml', 'x', 5, 'Europe/Helsinki', 30, 0)
            """)
    }

    /// Runs the same SQL on both engines (written in the dialect they share).
    func both(_ statements: [String]) throws {
        try sqlite.write { db in for statement in statements { try db.execute(sql: statement) } }
        for statement in statements { try sql.execute(statement) }
    }

    static func contact(_ phone: String, line: Int, name: String? = nil) -> StagedContact {
        StagedContact(phone: phone, region: "FI", name: name, firstName: nil, lastName: nil, language: "fi",
                      timeZone: nil, fieldsJSON: #"{"region":"north"}"#, line: line)
    }

    func count(_ query: String) throws -> Int { try sql.execute(query).scalar(Int.self) ?? -1 }

    // MARK: Import

    @Test func stagingGivesSQLiteOutcomesAndPublishingShowsEverythingAtOnce() throws {
        try both(["INSERT INTO contact (campaignId, phone, fields, status, attempts) VALUES ('c', '+358401000009', '{}', 'new', 0)"])
        _ = try sqlite.addToDoNotCall(["+358401000005"], actor: "t", source: "test", note: nil, now: now)
        _ = try store.addToDoNotCall(["+358401000005"], actor: "t", source: "test", note: nil, now: now)
        let batches = [
            [Self.contact("+358401000001", line: 2), Self.contact("+358401000002", line: 3),
             Self.contact("+358401000001", line: 4), Self.contact("+358401000005", line: 5),
             Self.contact("+358401000009", line: 6)],
            [Self.contact("+358401000002", line: 7), Self.contact("+358401000003", line: 8, name: "Tab\there"),
             Self.contact("+358401000005", line: 9), Self.contact("+358401000003", line: 10),
             Self.contact("+358401000009", line: 11), Self.contact("+358401000009", line: 12),
             Self.contact("+358401000005", line: 13)],
        ]
        // The file's own repeats are found by the importer's StagedPhoneLines, on either engine.
        let sqliteStaging = try sqlite.beginImport(campaignID: "c", file: "list.csv", actor: "t", now: now)
        let sqliteLookup = try sqlite.makeDoNotCallLookup()
        var sqliteLines = StagedPhoneLines()
        let sqliteOutcomes = try batches.map { batch in
            try sqliteLines.stage(batch) { try sqlite.stage($0, into: sqliteStaging, campaignID: "c", doNotCall: sqliteLookup) }
        }
        let staging = try store.beginImport(campaignID: "c", file: "list.csv", actor: "t", now: now)
        let lookup = try store.makeDoNotCallLookup()
        #expect(lookup.numbers == ["+358401000005"])
        var lines = StagedPhoneLines()
        let outcomes = try batches.map { batch in
            try lines.stage(batch) { try store.stage($0, into: staging, campaignID: "c", doNotCall: lookup) }
        }
        #expect(outcomes == sqliteOutcomes)
        #expect(outcomes[0] == [.staged, .staged, .duplicateInFile(line: 2), .doNotCall, .duplicateInCampaign])
        #expect(outcomes[1] == [.duplicateInFile(line: 3), .staged, .doNotCall, .duplicateInFile(line: 8),
                                .duplicateInCampaign, .duplicateInCampaign, .doNotCall])
        // The do-not-call list looked up in the table (as for a list too big for memory) says the same.
        let big = try store.stage([Self.contact("+358401000005", line: 11)], into: staging, campaignID: "c",
                                  doNotCall: DoNotCallLookup(numbers: nil))
        #expect(big == [.doNotCall])

        // Nothing visible before publishing: one contact, counted once.
        #expect(try count("SELECT count(*) FROM contact") == 1)
        #expect(try count("SELECT sum(n) FROM contactTally WHERE campaignId = 'c'") == 1)

        let tally = ImportTally(rowsRead: 10, imported: 3, invalid: 0, duplicates: 5, doNotCall: 2)
        try store.publishImport(staging, campaignID: "c", tally: tally, fields: ["region"], file: "list.csv",
                                actor: "t", now: now)
        try sqlite.publishImport(sqliteStaging, campaignID: "c", tally: tally, fields: ["region"], file: "list.csv",
                                 actor: "t", now: now)
        let rows = try sql.execute("SELECT phone, importLine, name, status FROM contact WHERE importId IS NOT NULL ORDER BY id")
            .rows.map { $0.texts }
        #expect(rows == [["+358401000001", "2", nil, "new"], ["+358401000002", "3", nil, "new"],
                         ["+358401000003", "8", "Tab\there", "new"]])
        #expect(try count("SELECT count(*) FROM contactStaging") == 0)
        #expect(try count("SELECT sum(n) FROM contactTally WHERE campaignId = 'c' AND status = 'new'") == 4)
        #expect(try sql.execute("SELECT fields FROM campaign WHERE id = 'c'").scalar(String.self) == #"["region"]"#)
        #expect(try sql.execute("SELECT state || ' ' || imported FROM callListImport").scalar(String.self) == "done 3")
        #expect(try sql.execute("SELECT detail FROM audit WHERE action = 'import'").scalar(String.self)
            == "3 contacts from list.csv")
        #expect(try store.statsTallies(campaignID: "c", request: Self.request(now: now)).contacts
            == sqlite.statsTallies(campaignID: "c", request: Self.request(now: now)).contacts)
    }

    @Test func aKilledImportLeavesNothingOnceTheNextImportCleansUp() throws {
        let killed = try PostgresStore.open(conninfo)
        let staging = try killed.beginImport(campaignID: "c", file: "killed.csv", actor: "t", now: now)
        _ = try killed.stage((0..<500).map { Self.contact("+35840\(2_000_000 + $0)", line: $0 + 2) }, into: staging,
                            campaignID: "c", doNotCall: DoNotCallLookup(numbers: []))
        // The process dies here: its session ends, its staged rows stay, invisible.
        #expect(try count("SELECT count(*) FROM contactStaging") == 500)
        #expect(try count("SELECT count(*) FROM contact") == 0)
        // A staged row whose import row is gone (the table has no foreign key) goes too.
        try sql.execute("INSERT INTO contactStaging (importId, line, phone) VALUES (999999, 2, '+358402999999')")
        try store.oneImportAtATime(timeout: 5, waiting: nil) {
            try store.removeAbandonedImports(actor: "next", now: now)
        }
        #expect(try count("SELECT count(*) FROM contactStaging") == 0)
        #expect(try count("SELECT count(*) FROM callListImport") == 0)
        #expect(try sql.execute("SELECT detail FROM audit WHERE action = 'import-discarded'").scalar(String.self)
            == "unfinished import of killed.csv")

        let discarded = try store.beginImport(campaignID: "c", file: "bad.csv", actor: "t", now: now)
        _ = try store.stage([Self.contact("+358403000001", line: 2)], into: discarded, campaignID: "c",
                            doNotCall: DoNotCallLookup(numbers: []))
        try store.discardImport(discarded)
        #expect(try count("SELECT count(*) FROM contactStaging") + count("SELECT count(*) FROM callListImport") == 0)
    }

    @Test func oneImportAtATimeWaitsThenSaysBusy() throws {
        let other = try PostgresStore.open(conninfo)
        var waited = 0
        var sawBusy = false
        try store.oneImportAtATime(timeout: 1, waiting: nil) {
            do {
                try other.oneImportAtATime(timeout: 0.3, waiting: { waited += 1 }) { Issue.record("ran beside another import") }
            } catch StoreError.busy {
                sawBusy = true
            }
        }
        #expect(sawBusy && waited == 1)
        var ran = false
        try other.oneImportAtATime(timeout: 0.3, waiting: { Issue.record("waited for a finished import") }) { ran = true }
        #expect(ran)
    }

    // MARK: Stats, report and export against SQLite

    static func request(now: Int64, since: Int64? = nil) -> StatsRequest {
        StatsRequest(scaleQuestions: ["nps", "ces"], npsQuestion: "nps", choiceQuestions: ["topics", "may_contact"],
                     breakdownField: "region", now: now, today: (now - 36_000)..<(now + 50_400), since: since)
    }

    /// Three contacts, calls (dialled and by hand), two complete interviews, a broken-off and a
    /// screened-out one, answers of every kind, notes and follow-ups; the same on both engines.
    func buildCampaign() throws {
        let t = now - 7200
        var statements = [
            """
            INSERT INTO contact (id, campaignId, phone, name, fields, status, attempts, leaseAgent, leaseUntil) VALUES
                (1, 'c', '+358401000001', 'Anna', '{"region":"north","vip":true}', 'new', 0, NULL, NULL),
                (2, 'c', '+358401000002', 'Bert', '{"region":"south","vip":false}', 'new', 0, NULL, NULL),
                (3, 'c', '+358401000003', NULL, '{"size":7}', 'new', 0, 'liisa', \(now + 600)),
                (4, 'c', '+358401000004', NULL, '{}', 'new', 0, NULL, NULL)
            """,
            """
            INSERT INTO call (id, contactId, campaignId, agent, startedAt, endedAt, outcome, aapor, note, dialledAt, ringSeconds,
                              talkSeconds, sipStatus, sipReason, codedBy) VALUES
                (1, 1, 'c', 'liisa', \(t), \(t + 400), 'complete', '1.1', 'Soita Annalle illalla', \(t), 5, 390, 200, 'OK', 'agent'),
                (2, 2, 'c', 'matti', \(t + 100), \(t + 500), 'complete', '1.1', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                (3, 3, 'c', 'matti', \(t + 900), \(t + 930), 'noAnswer', '3.130', NULL, \(t + 900), 30, NULL, 480, 'Timeout', 'line'),
                (4, 4, 'c', 'liisa', \(t + 1000), \(t + 1100), 'screenedOut', '4.70', NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            """,
            """
            INSERT INTO interview (id, contactId, campaignId, agent, language, status, startedAt) VALUES
                (1, 1, 'c', 'liisa', 'fi', 'active', \(t + 10)), (2, 2, 'c', 'matti', 'sv', 'active', \(t + 110)),
                (3, 3, 'c', 'matti', 'fi', 'active', \(t + 905)), (4, 4, 'c', 'liisa', 'fi', 'active', \(t + 1010))
            """,
            """
            INSERT INTO answer (interviewId, questionId, value, number, special, agent, answeredAt) VALUES
                (1, 'nps', '9', 9, NULL, 'liisa', \(t + 20)), (1, 'nps_reason', '"Hyvä palvelu, kiitos"', NULL, NULL, 'liisa', \(t + 30)),
                (1, 'ces', '4.5', 4.5, NULL, 'liisa', \(t + 40)), (1, 'topics', '["price","speed"]', NULL, NULL, 'liisa', \(t + 50)),
                (1, 'may_contact', 'true', 1, NULL, 'liisa', \(t + 60)),
                (2, 'nps', '3', 3, NULL, 'matti', \(t + 120)), (2, 'nps_reason', NULL, NULL, 'refused', 'matti', \(t + 130)),
                (2, 'Topics', '["speed"]', NULL, NULL, 'matti', \(t + 135)),
                (2, 'topics', '["speed"]', NULL, NULL, 'matti', \(t + 140)), (2, 'may_contact', 'false', 0, NULL, 'matti', \(t + 150)),
                (3, 'nps', '10', 10, NULL, 'matti', \(t + 910)), (4, 'nps', '8', 8, NULL, 'liisa', \(t + 1020))
            """,
            "INSERT INTO note (contactId, interviewId, agent, createdAt, text) VALUES (1, 1, 'liisa', \(t + 70), 'second')",
            "INSERT INTO note (contactId, interviewId, agent, createdAt, text) VALUES (1, 1, 'liisa', \(t + 65), 'first')",
            """
            INSERT INTO followup (campaignId, contactId, interviewId, alertIndex, reason, createdAt, dueAt, resolvedAt) VALUES
                ('c', 2, 2, 0, 'low score', \(t + 500), \(t + 3600), NULL), ('c', 1, 1, 0, 'praise', \(t + 400), NULL, \(t + 4000))
            """,
            "UPDATE interview SET status = 'complete', endedAt = \(t + 390), disposition = '1.1' WHERE id = 1",
            "UPDATE interview SET status = 'complete', endedAt = \(t + 480 + 86_400 * 0), disposition = '1.1' WHERE id = 2",
            "UPDATE interview SET status = 'brokenOff', endedAt = \(t + 925), disposition = '2.12' WHERE id = 3",
            "UPDATE interview SET status = 'complete', endedAt = \(t + 1090), disposition = '4.70' WHERE id = 4",
            "UPDATE contact SET status = 'done', disposition = '1.1', attempts = 1 WHERE id IN (1, 2)",
            "UPDATE contact SET status = 'scheduled', attempts = 1, nextCallAt = \(now + 3600), appointmentAgent = 'matti' WHERE id = 3",
        ]
        statements.append("UPDATE contact SET status = 'done', disposition = '4.70', attempts = 1 WHERE id = 4")
        try both(statements)
    }

    @Test func statsReportAndExportEqualSQLiteOnTheSameRows() throws {
        try buildCampaign()
        for since in [nil, now - 7200 + 100, now - 7200 + 2000] as [Int64?] {
            let request = Self.request(now: now, since: since)
            #expect(try store.statsTallies(campaignID: "c", request: request)
                == sqlite.statsTallies(campaignID: "c", request: request), "since \(String(describing: since))")
            let report = ReportRequest(timelineQuestions: ["nps", "ces"], npsQuestion: "nps", textQuestions: ["nps_reason", "topics"],
                                       since: since)
            var open: [ReportTallies.OpenAnswer] = [], sqliteOpen: [ReportTallies.OpenAnswer] = []
            let tallies = try store.reportTallies(campaignID: "c", stats: request, report: report) { open.append($0) }
            let sqliteTallies = try sqlite.reportTallies(campaignID: "c", stats: request, report: report) { sqliteOpen.append($0) }
            #expect(tallies == sqliteTallies)
            #expect(open == sqliteOpen)
            if since == nil { #expect(open.map(\.text) == ["Hyvä palvelu, kiitos"]) }

            for partials in [false, true] {
                let selection = ExportSelection(campaignID: "c", since: since, includePartials: partials)
                for fields in [nil, ["region", "vip", "size", "missing"]] as [[String]?] {
                    var rows: [String] = [], sqliteRows: [String] = []
                    try store.exportInterviews(selection, contactFields: fields) { rows.append("\($0)") }
                    try sqlite.exportInterviews(selection, contactFields: fields) { sqliteRows.append("\($0)") }
                    #expect(rows == sqliteRows)
                    #expect(rows.isEmpty == (since == now - 7200 + 2000))
                }
                var calls: [String] = [], sqliteCalls: [String] = []
                try store.exportCalls(selection, personal: partials) { calls.append("\($0)") }
                try sqlite.exportCalls(selection, personal: partials) { sqliteCalls.append("\($0)") }
                #expect(calls == sqliteCalls)
            }
        }
    }

    // MARK: Privacy

    @Test func doNotCallListChangesAsOnSQLite() throws {
        let added = try store.addToDoNotCall(["+358401000002", "+358401000001", "+358401000002"], actor: "t", source: "phone",
                                             note: "asked", now: now)
        #expect(added == DoNotCallChange(changed: ["+358401000002", "+358401000001"], unchanged: ["+358401000002"]))
        let removed = try store.removeFromDoNotCall(["+358401000001", "+358409999999"], actor: "t", now: now)
        #expect(removed == DoNotCallChange(changed: ["+358401000001"], unchanged: ["+358409999999"]))
        #expect(try store.doNotCallEntries() == [DoNotCallEntry(phone: "+358401000002", addedAt: now, addedBy: "t",
                                                                source: "phone", note: "asked")])
        #expect(try count("SELECT count(*) FROM audit WHERE entity = 'phone'") == 3)
    }

    /// The relations of the test database whose files hold `secret` (after a checkpoint).
    func holders(of secret: String) throws -> [String] {
        try sql.execute("CHECKPOINT")
        let oid = try #require(try sql.execute("SELECT oid FROM pg_database WHERE datname = current_database()")
            .scalar(Int64.self))
        let folder = try PostgresTestServer.shared.get().dataDirectory + "/base/\(oid)"
        var found: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let file = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            guard file.range(of: Data(secret.utf8)) != nil else { continue }
            let node = Int64(name.prefix { $0.isNumber }) ?? 0
            let relation = try sql.execute("SELECT relname FROM pg_class WHERE pg_relation_filenode(oid) = $1::oid", [node])
                .scalar(String.self)
            found.append("\(relation ?? "?") (\(name))")
        }
        return found
    }

    @Test func forgetErasesAsSQLiteDoesAndTheNumberLeavesTheTableFiles() throws {
        let person = "+358401999999"
        let staging = try store.beginImport(campaignID: "c", file: "list.csv", actor: "t", now: now)
        _ = try store.stage([Self.contact(person, line: 2, name: "Pertti Poistettava")]
                            + (0..<300).map { Self.contact("+35840\(3_000_000 + $0)", line: $0 + 3, name: "Muu") },
                            into: staging, campaignID: "c", doNotCall: DoNotCallLookup(numbers: []))
        try store.publishImport(staging, campaignID: "c", tally: ImportTally(rowsRead: 301, imported: 301, invalid: 0,
                                                                             duplicates: 0, doNotCall: 0),
                                fields: ["region"], file: "list.csv", actor: "t", now: now)
        let id = try #require(try sql.execute("SELECT id FROM contact WHERE phone = $1", [person]).scalar(Int64.self))
        try sql.execute("""
            INSERT INTO interview (id, contactId, campaignId, agent, language, status, startedAt) VALUES (50, $1, 'c', 'liisa', 'fi', 'active', 1)
            """, [id])
        try sql.execute("""
            INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt) VALUES
                (50, 'nps', '9', 9, 'liisa', 2), (50, 'nps_reason', '"Pertin oma mielipide"', NULL, 'liisa', 3)
            """)
        try sql.execute("INSERT INTO note (contactId, interviewId, agent, createdAt, text) VALUES ($1, 50, 'liisa', 4, 'Pertti soittaa takaisin')", [id])
        try sql.execute("UPDATE interview SET status = 'complete', endedAt = 5 WHERE id = 50")
        for secret in [person, "Pertti Poistettava", "Pertin oma mielipide", "Pertti soittaa takaisin"] {
            #expect(try !holders(of: secret).isEmpty, "\(secret) not in the files before: the check would prove nothing")
        }

        let report = try store.forget(phone: person, actor: "dpo", allowCalls: false, force: false, now: now)
        #expect(report.erased.map(\.contactID) == [id])
        #expect(report.doNotCall == .added)
        #expect(report.checkpoint == .tablesRewritten)
        let row = try #require(try sql.execute("SELECT phone, name, status, disposition, fields FROM contact WHERE id = $1", [id]).first)
        #expect(row.texts == ["erased #\(id)", nil, "done", "2.11", "{}"])
        #expect(try sql.execute("SELECT value FROM answer WHERE interviewId = 50 ORDER BY questionId").rows.map { $0[0] }
            == ["9", "\"(erased)\""])
        #expect(try count("SELECT count(*) FROM note") == 0)
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'erase'") == 1)

        for secret in ["Pertti Poistettava", "Pertin oma mielipide", "Pertti soittaa takaisin"] {
            let holders = try holders(of: secret)
            #expect(holders == [], "\(secret)")
        }
        // The number stays only where the objection is recorded: the do-not-call list and its audit line.
        #expect(try store.doNotCallEntries().map(\.phone) == [person])
        let withoutList = try store.forget(phone: "+35840\(3_000_007)", actor: "dpo", allowCalls: true, force: false, now: now)
        #expect(withoutList.doNotCall == .notListed)
        let holders = try holders(of: "+35840\(3_000_007)")
        #expect(holders == [])
    }

    @Test func purgeErasesTheCampaignInChunksAndRefusesWhileFollowUpsAreOpen() throws {
        try buildCampaign()
        #expect(throws: PrivacyError.self) { try store.purgePersonalData(campaignID: "c", actor: "dpo", now: now) }
        try sql.execute("UPDATE followup SET resolvedAt = \(now) WHERE resolvedAt IS NULL")
        try sql.execute("UPDATE contact SET leaseUntil = NULL, leaseAgent = NULL")
        let report = try store.purgePersonalData(campaignID: "c", actor: "dpo", now: now, chunk: 3)
        #expect(report.erased == 4 && report.closedNow && report.erasedEarlier == 0)
        #expect(try count("SELECT count(*) FROM contact WHERE erasedAt IS NULL OR phone NOT LIKE 'erased #%'") == 0)
        #expect(try sql.execute("SELECT status FROM campaign").scalar(String.self) == "closed")
        #expect(try sql.execute("SELECT value FROM answer WHERE questionId = 'nps_reason' AND value IS NOT NULL").scalar(String.self)
            == "\"(erased)\"")
        for secret in ["+358401000001", "Hyvä palvelu, kiitos", "Soita Annalle illalla"] {
            let holders = try holders(of: secret)
            #expect(holders == [], "\(secret)")
        }
        #expect(throws: StoreError.self) { try store.purgePersonalData(campaignID: "nope", actor: "dpo", now: now) }
    }

    @Test func anErasureBehindAnOlderTransactionSaysWhatIsLeftToDo() throws {
        try buildCampaign()
        try sql.execute("UPDATE contact SET leaseUntil = NULL, leaseAgent = NULL")
        let secret = "Hyvä palvelu, kiitos"
        // Another session's transaction begun before the erasure, still running when it ends.
        let other = try PGConnection(conninfo)
        try other.execute("BEGIN")
        _ = try other.execute("SELECT txid_current()")
        store.snapshotWait = 0.3
        try sql.execute("UPDATE followup SET resolvedAt = \(now) WHERE resolvedAt IS NULL")
        let report = try store.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        guard case let .tablesRewrittenBehind(older, tables)? = report.checkpoint else {
            Issue.record("the report does not say the rewrite ran behind an older transaction: \(report.checkpoint as Any)")
            return
        }
        #expect(older == 1 && tables.contains("answer") && tables.contains("contact"))
        let note = try #require(report.checkpoint?.description)
        #expect(note.contains("run VACUUM (FULL) ") && note.contains("answer"), "\(note)")
        #expect(try !holders(of: secret).isEmpty, "the older transaction did not keep the row versions: the test proves nothing")
        // What the note says to do, once the transaction has ended, clears the files.
        try other.execute("COMMIT")
        try sql.execute("VACUUM (FULL) \(tables.joined(separator: ", "))")
        #expect(try holders(of: secret) == [])
    }
}
