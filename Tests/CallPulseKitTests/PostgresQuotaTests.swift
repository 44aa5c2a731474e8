import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulsePostgres
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Quotas on the PostgreSQL engine: the `QuotaStore` methods with their audit lines and errors,
/// standings against a hand count and against the SQLite engine on the same data, the 4.80
/// decision, exactly the last places taken by sixteen consoles at once, and the claim's
/// keep-back SQL. The campaign, contacts and interviews are written with plain SQL.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresQuotaTests {
    static let now: Int64 = 1_800_000_000

    /// A campaign `c` on the pulse script with a `touchpoint` field, opened on PostgreSQL.
    static func store() throws -> (PostgresStore, PGConnection, conninfo: String) {
        let conninfo = try PostgresTestServer.makeDatabase()
        let store = try PostgresStore.open(conninfo)
        let conn = try PGConnection(conninfo)
        let campaign = try Self.campaign()
        try conn.transaction { conn in
            try conn.execute("""
                INSERT INTO campaign (id, client, title, status, scriptId, scriptFile, scriptYAML, fields, maxAttempts,
                                      weekdayWindow, saturdayWindow, sundayWindow, timeZone, quarantineDays, createdAt)
                VALUES ($1, $2, $3, 'active', $4, $5, $6, '["touchpoint"]', $7, $8, $9, $10, $11, $12, $13)
                """, [campaign.id, campaign.client, campaign.title, campaign.scriptId, campaign.scriptFile, campaign.scriptYAML,
                      campaign.maxAttempts, campaign.weekdayWindow, campaign.saturdayWindow, campaign.sundayWindow,
                      campaign.timeZone, campaign.quarantineDays, campaign.createdAt])
            try PostgresStore.insertScriptQuotas(conn, campaign: campaign, actor: "t")
        }
        return (store, conn, conninfo)
    }

    static func campaign() throws -> Campaign {
        try Campaign.make(id: "c", scriptFile: Repository.path("Scripts/customer-service-pulse.yaml"), client: "ACME Oy",
                          title: nil, fields: ["touchpoint"], rules: CampaignRules(), now: 1_700_000_000)
    }

    /// The same campaign on SQLite, in `dir`.
    static func sqlite(in dir: TemporaryDirectory) throws -> AppDatabase {
        let db = try AppDatabase.open(path: dir.file("q.sqlite"))
        try db.createCampaign(try campaign(), actor: "t")
        return db
    }

    /// Statements both engines read alike (literals only): contacts 1…n with these touchpoints.
    static func contacts(_ touchpoints: [String], language: String = "fi") -> [String] {
        touchpoints.enumerated().map { index, touchpoint in
            "INSERT INTO contact (id, campaignId, phone, language, fields, status, attempts, nextCallAt) VALUES "
                + "(\(index + 1), 'c', '+35840\(1_000_000 + index)', '\(language)', '{\"touchpoint\":\"\(touchpoint)\"}', "
                + "'new', 0, \(index))"
        }
    }

    /// An interview of `contact` (its id the contact's), `complete` or running, with an `nps` answer.
    static func interview(contact: Int64, nps: Int?, complete: Bool, agent: String = "a") -> [String] {
        let status = complete ? "complete" : "active"
        var sql = ["""
            INSERT INTO interview (id, contactId, campaignId, agent, language, status, startedAt) \
            VALUES (\(contact), \(contact), 'c', '\(agent)', 'fi', '\(status)', \(now - 100))
            """]
        if let nps {
            sql.append("""
                INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt) \
                VALUES (\(contact), 'nps', '\(nps)', \(nps), '\(agent)', \(now - 50))
                """)
        }
        sql.append(complete ? "UPDATE contact SET status = 'done', disposition = '1.1' WHERE id = \(contact)"
            : "UPDATE contact SET leaseAgent = '\(agent)', leaseUntil = \(now + 600) WHERE id = \(contact)")
        return sql
    }

    static func run(_ statements: [String], on conn: PGConnection) throws {
        for statement in statements { try conn.execute(statement) }
    }

    static func run(_ statements: [String], on db: AppDatabase) throws {
        try db.write { db in for statement in statements { try db.execute(sql: statement) } }
    }

    static func audit(_ conn: PGConnection) throws -> [String] {
        try conn.execute("SELECT action || ' ' || entityId || ': ' || detail FROM audit WHERE action LIKE 'quota%' ORDER BY id")
            .rows.map { try $0.value(at: 0) }
    }
}

extension PostgresQuotaTests {
    @Test func quotasAreAddedChangedListedAndRemovedWithTheirAuditLines() throws {
        let (store, conn, _) = try Self.store()
        #expect(try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint = support", target: 2,
                                   actor: "sari", now: Self.now) == .added)
        #expect(try store.setQuota(campaignID: "c", name: "low", definition: "nps <= 6", target: 5, actor: "sari",
                                   now: Self.now) == .added)
        #expect(try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint = support", target: 3,
                                   actor: "sari", now: Self.now) == .changed)
        #expect(try store.quotas(campaignID: "c").map(\.name) == ["low", "support"])
        #expect(try store.quotas(campaignID: "c").last?.target == 3)
        #expect(try store.quotaOptions(campaignID: "c") == QuotaOptions())
        #expect(try store.setQuotaOptions(campaignID: "c", balance: true, actor: "sari", now: Self.now)
            == QuotaOptions(balance: true, dropAppointments: false))
        #expect(try store.setQuotaOptions(campaignID: "c", dropAppointments: true, actor: "sari", now: Self.now)
            == QuotaOptions(balance: true, dropAppointments: true))
        #expect(try store.quotaOptions(campaignID: "c") == QuotaOptions(balance: true, dropAppointments: true))
        try store.removeQuota(campaignID: "c", name: "low", actor: "sari", now: Self.now)
        #expect(throws: QuotaError.notFound(campaign: "c", name: "low", existing: ["support"])) {
            try store.removeQuota(campaignID: "c", name: "low", actor: "sari", now: Self.now)
        }
        #expect(throws: QuotaDefinitionError.unknownName(quota: "x", name: "toucpoint", fields: ["touchpoint"])) {
            try store.setQuota(campaignID: "c", name: "x", definition: "toucpoint = a", target: 1, actor: "sari", now: Self.now)
        }
        #expect(throws: StoreError.campaignNotFound("nope")) { try store.quotas(campaignID: "nope") }
        #expect(try Self.audit(conn) == [
            "quota-add c: support: touchpoint = support, target 2",
            "quota-add c: low: nps <= 6, target 5",
            "quota-change c: support: touchpoint = support, target 3",
            "quota-options c: balance on, appointments in full groups kept",
            "quota-options c: balance on, appointments in full groups dropped",
            "quota-remove c: low",
        ])
        try conn.execute("UPDATE campaign SET status = 'closed' WHERE id = 'c'")
        #expect(throws: StoreError.campaignClosed("c")) {
            try store.setQuota(campaignID: "c", name: "y", definition: "nps = 1", target: 1, actor: "sari", now: Self.now)
        }
    }

    /// Contacts 1–3 support, 4–5 billing; 1 completed with nps 3, 2 in an interview (nps 5, leased).
    static let data = contacts(["support", "support", "support", "billing", "billing"])
        + interview(contact: 1, nps: 3, complete: true) + interview(contact: 2, nps: 5, complete: false)
    static let definitions = [("support", "touchpoint = support", 5), ("billing", "touchpoint = billing", 1),
                              ("low", "nps <= 6", 2), ("both", "touchpoint = support and nps <= 6", 3)]

    @Test func standingsEqualAHandCountAndTheSQLiteEngine() throws {
        let (store, conn, _) = try Self.store()
        let dir = try TemporaryDirectory()
        let sqlite = try Self.sqlite(in: dir)
        try Self.run(Self.data, on: conn)
        try Self.run(Self.data, on: sqlite)
        try store.write { try PostgresStore.countInQuotas($0, interviewID: 1) } // nothing to count in yet
        for (name, definition, target) in Self.definitions {
            try store.setQuota(campaignID: "c", name: name, definition: definition, target: target, actor: "t", now: Self.now)
            try sqlite.setQuota(campaignID: "c", name: name, definition: definition, target: target, actor: "t", now: Self.now)
        }
        let holder = LeaseHolder(agent: "a")
        let answers: [String: AnswerValue] = ["nps": .number(5)]
        let decision = try store.holdQuotaPlaces(interviewID: 2, contactID: 2, holder: holder, language: "fi",
                                                 answers: answers, now: Self.now)
        #expect(decision == .hold(["both", "low"]))
        #expect(try sqlite.holdQuotaPlaces(interviewID: 2, contactID: 2, holder: holder, language: "fi", answers: answers,
                                           now: Self.now) == decision)
        let standings = try store.quotaStandings(campaignID: "c", now: Self.now)
        let byName = Dictionary(uniqueKeysWithValues: standings.map { ($0.quota.name, $0) })
        // By hand: support has 1 complete, contact 2 held, contact 3 left; billing 2 left; the answer
        // groups have interview 1's complete (counted when the quota was added) and interview 2's place.
        #expect(byName["support"].map { [$0.completes, $0.inProgress, $0.contactsLeft] } == [1, 1, 1])
        #expect(byName["billing"].map { [$0.completes, $0.inProgress, $0.contactsLeft] } == [0, 0, 2])
        #expect(byName["low"].map { [$0.completes, $0.inProgress] } == [1, 1] && byName["low"]?.contactsLeft == nil)
        #expect(byName["both"].map { [$0.completes, $0.inProgress] } == [1, 1])
        #expect(standings == (try sqlite.quotaStandings(campaignID: "c", now: Self.now)))
        #expect(try store.quotaGroupsByInterview(campaignID: "c") == [1: ["both", "low", "support"]])
        #expect(try store.quotaGroupsByInterview(campaignID: "c") == (try sqlite.quotaGroupsByInterview(campaignID: "c")))

        // Interview 2 completes: its places become completes, on both engines alike.
        for statement in ["UPDATE interview SET status = 'complete' WHERE id = 2",
                          "UPDATE contact SET status = 'done', leaseAgent = NULL, leaseUntil = NULL WHERE id = 2"] {
            try conn.execute(statement)
            try sqlite.write { try $0.execute(sql: statement) }
        }
        try store.write { try PostgresStore.countInQuotas($0, interviewID: 2) }
        try sqlite.write { try AppDatabase.countInQuotas($0, interviewID: 2) }
        let after = try store.quotaStandings(campaignID: "c", now: Self.now)
        #expect(after.first { $0.quota.name == "low" }.map { [$0.completes, $0.inProgress] } == [2, 0])
        #expect(after == (try sqlite.quotaStandings(campaignID: "c", now: Self.now)))
        #expect(try store.quotaGroupsByInterview(campaignID: "c") == (try sqlite.quotaGroupsByInterview(campaignID: "c")))
    }

    @Test func anInterviewEnteringAFullAnswerGroupIsToldToEndAs480() throws {
        let (store, conn, _) = try Self.store()
        try Self.run(Self.data, on: conn)
        try store.setQuota(campaignID: "c", name: "low", definition: "nps <= 6", target: 1, actor: "t", now: Self.now)
        let holder = LeaseHolder(agent: "a")
        #expect(try store.holdQuotaPlaces(interviewID: 2, contactID: 2, holder: holder, language: "fi",
                                          answers: ["nps": .number(9)], now: Self.now) == .hold([]))
        let decision = try store.holdQuotaPlaces(interviewID: 2, contactID: 2, holder: holder, language: "fi",
                                                 answers: ["nps": .number(4)], now: Self.now)
        guard case let .full(standing) = decision else {
            Issue.record("entered a full group: \(decision)")
            return
        }
        #expect(standing.quota.name == "low" && standing.completes == 1 && Quota.filledDisposition == "4.80")
        #expect(try conn.execute("SELECT count(*) FROM quotaInterview WHERE complete = 0").scalar(Int.self) == 0)
        #expect(throws: StoreError.leaseLost(contactID: 2, takenBy: "a")) {
            try store.holdQuotaPlaces(interviewID: 2, contactID: 2, holder: LeaseHolder(agent: "b"), language: "fi",
                                      answers: ["nps": .number(4)], now: Self.now)
        }
    }

    @Test func sixteenConsolesAtOnceTakeExactlyTheLastFourPlaces() throws {
        let (store, conn, conninfo) = try Self.store()
        // Two completes in `low` (target 6) leave four places; sixteen running interviews all answer 2.
        var data = Self.contacts((0..<18).map { "t\($0)" })
        data += Self.interview(contact: 1, nps: 1, complete: true) + Self.interview(contact: 2, nps: 0, complete: true)
        for contact in 3...18 { data += Self.interview(contact: Int64(contact), nps: nil, complete: false, agent: "a\(contact)") }
        try Self.run(data, on: conn)
        try store.setQuota(campaignID: "c", name: "low", definition: "nps <= 6", target: 6, actor: "t", now: Self.now)
        let decisions = Locked<[QuotaCheck.Decision]>([])
        let errors = Locked<[String]>([])
        onThreads(16) { index in
            do {
                let console = try PostgresStore.open(conninfo)
                let contact = Int64(index + 3)
                let decision = try console.holdQuotaPlaces(interviewID: contact, contactID: contact,
                                                           holder: LeaseHolder(agent: "a\(contact)"), language: "fi",
                                                           answers: ["nps": .number(2)], now: Self.now)
                decisions.mutate { $0.append(decision) }
            } catch {
                errors.mutate { $0.append("\(error)") }
            }
        }
        #expect(errors.value == [])
        #expect(decisions.value.filter { $0 == .hold(["low"]) }.count == 4)
        #expect(decisions.value.filter { if case .full = $0 { true } else { false } }.count == 12)
        #expect(try conn.execute("SELECT count(*) FROM quotaInterview WHERE complete = 0").scalar(Int.self) == 4)
        #expect(try store.quotaStandings(campaignID: "c", now: Self.now).first?.inProgress == 4)
    }
}

extension PostgresQuotaTests {
    /// The ids a query on `contact` with the keep-back appended finds.
    static func keptIn(_ store: PostgresStore, _ context: PostgresQuotaClaimContext, appointments: Bool = false) throws -> [Int64] {
        let keepBack = context.keepBack(appointments: appointments, from: 2)
        return try store.read { conn in
            try conn.execute("SELECT id FROM contact WHERE campaignId = $1 AND leaseUntil IS NULL\(keepBack.sql) ORDER BY id",
                             ["c"] + keepBack.arguments).rows.map { try $0.value(at: 0, as: Int64.self) }
        }
    }

    @Test func keepBackLeavesOutTheContactsOfAFullFieldGroup() throws {
        let (store, conn, _) = try Self.store()
        try Self.run(Self.contacts(["support", "billing", "support", "retail"]) + [
            "UPDATE contact SET leaseAgent = 'a', leaseUntil = \(Self.now + 600) WHERE id = 1",
            "UPDATE contact SET language = 'sv' WHERE id = 4",
        ], on: conn)
        #expect(try store.write { try PostgresStore.quotaClaimContext($0, campaignID: "c", now: Self.now) } == nil)
        try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint = \"support\"", target: 1, actor: "t",
                           now: Self.now)
        try store.setQuota(campaignID: "c", name: "sv", definition: "language = sv and touchpoint in (retail, x)", target: 0,
                           actor: "t", now: Self.now)
        let (context, locks) = try store.write { conn in
            let context = try PostgresStore.quotaClaimContext(conn, campaignID: "c", now: Self.now)
            let locks = try conn.execute("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                """).scalar(Int.self)
            return (context, locks)
        }
        #expect(locks == 1) // the claim holds the campaign's quota lock until it commits
        let full = try #require(context)
        #expect(full.filter.fullGroups.map(\.quota.name) == ["support", "sv"])
        #expect(try Self.keptIn(store, full) == [2])
        #expect(try Self.keptIn(store, full, appointments: true) == [2, 3, 4]) // appointments are kept by default

        // The first served contact, past those the SQL did not keep back (`!=` is not said in SQL).
        try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint != billing", target: 1, actor: "t",
                           now: Self.now)
        let first = try store.write { conn -> Int64? in
            let context = try #require(try PostgresStore.quotaClaimContext(conn, campaignID: "c", now: Self.now))
            let keepBack = context.keepBack(appointments: false, from: 2)
            #expect(!keepBack.sql.contains("billing"))
            let sql = "SELECT * FROM contact WHERE campaignId = $1\(keepBack.sql) ORDER BY nextCallAt, id "
                + "LIMIT $\(keepBack.arguments.count + 2) OFFSET $\(keepBack.arguments.count + 3)"
            return try PostgresStore.firstServed(conn, sql: sql, arguments: ["c"] + keepBack.arguments, quotas: context)?
                .value("id")
        }
        #expect(first == 2)
    }
}

extension PostgresQuotaTests {
    /// A claim as the queue's would be written on the hooks: the quota context first (taking the
    /// campaign's quota lock), the keep-back appended, the pick, the lease. The contact's id, or nil.
    static func claim(_ store: PostgresStore, agent: String) throws -> Int64? {
        try store.write { conn in
            let quotas = try PostgresStore.quotaClaimContext(conn, campaignID: "c", now: now)
            let keepBack = quotas?.keepBack(appointments: false, from: 3) ?? (sql: "", arguments: [])
            let sql = """
                SELECT * FROM contact WHERE campaignId = $1 AND status = 'new' AND (leaseUntil IS NULL OR leaseUntil <= $2)\
                \(keepBack.sql) ORDER BY nextCallAt, id LIMIT $\(keepBack.arguments.count + 3) OFFSET $\(keepBack.arguments.count + 4)
                """
            guard let row = try PostgresStore.firstServed(conn, sql: sql, arguments: ["c", now] + keepBack.arguments,
                                                          quotas: quotas) else { return nil }
            let id: Int64 = try row.value("id")
            try conn.execute("UPDATE contact SET leaseAgent = $1, leaseUntil = $2 WHERE id = $3", [agent, now + 600, id])
            return id
        }
    }

    @Test func sixteenClaimsAtOnceServeAFieldGroupOnlyUpToItsTarget() throws {
        let (store, conn, conninfo) = try Self.store()
        try Self.run(Self.contacts(Array(repeating: "support", count: 20) + Array(repeating: "billing", count: 20)), on: conn)
        try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint = support", target: 4, actor: "t",
                           now: Self.now)
        let claimed = Locked<[Int64]>([])
        let errors = Locked<[String]>([])
        onThreads(16) { index in
            do {
                if let id = try Self.claim(try PostgresStore.open(conninfo), agent: "a\(index)") {
                    claimed.mutate { $0.append(id) }
                }
            } catch {
                errors.mutate { $0.append("\(error)") }
            }
        }
        #expect(errors.value == [])
        #expect(claimed.value.count == 16 && Set(claimed.value).count == 16)
        #expect(claimed.value.filter { $0 <= 20 }.count == 4) // contacts 1–20 are the support group
        #expect(try store.quotaStandings(campaignID: "c", now: Self.now).first.map { [$0.inProgress, $0.contactsLeft] }
            == [4, 16])
    }
}

extension PostgresQuotaTests {
    @Test func keepBackAndTheBalancingPickAgreeWithTheSQLiteEngine() throws {
        let (store, conn, _) = try Self.store()
        let dir = try TemporaryDirectory()
        let sqlite = try Self.sqlite(in: dir)
        let data = Self.contacts(["support", "billing", "support", "retail", "billing", "x y"]) + [
            "UPDATE contact SET leaseAgent = 'a', leaseUntil = \(Self.now + 600) WHERE id IN (1, 2)",
            "UPDATE contact SET language = NULL WHERE id = 6",
            "UPDATE contact SET nextCallAt = 10 WHERE id > 2",
        ]
        try Self.run(data, on: conn)
        try Self.run(data, on: sqlite)
        for (name, definition, target) in [("support", "touchpoint = support", 1), ("fi", "language = fi and touchpoint = \"x y\"", 5),
                                           ("billing", "touchpoint = billing", 4), ("retail", "touchpoint in (retail, x)", 0)] {
            try store.setQuota(campaignID: "c", name: name, definition: definition, target: target, actor: "t", now: Self.now)
            try sqlite.setQuota(campaignID: "c", name: name, definition: definition, target: target, actor: "t", now: Self.now)
        }
        func pickedOnBoth() throws -> (Int64?, Int64?) {
            let postgres = try store.write { conn -> Int64? in
                let quotas = try #require(try PostgresStore.quotaClaimContext(conn, campaignID: "c", now: Self.now))
                let keepBack = quotas.keepBack(appointments: false, from: 2)
                let sql = "SELECT * FROM contact WHERE campaignId = $1 AND leaseUntil IS NULL\(keepBack.sql) ORDER BY nextCallAt, id "
                    + "LIMIT $\(keepBack.arguments.count + 2) OFFSET $\(keepBack.arguments.count + 3)"
                return try PostgresStore.firstServed(conn, sql: sql, arguments: ["c"] + keepBack.arguments, quotas: quotas)?
                    .value("id")
            }
            let sqlite = try sqlite.write { db -> Int64? in
                let quotas = try #require(try AppDatabase.quotaClaimContext(db, campaignID: "c", now: Self.now))
                let keepBack = quotas.keepBack(appointments: false)
                return try AppDatabase.firstServed(db, sql: """
                    SELECT * FROM contact WHERE campaignId = ? AND leaseUntil IS NULL\(keepBack.sql) ORDER BY nextCallAt, id
                    LIMIT ? OFFSET ?
                    """, arguments: ["c"] + keepBack.arguments, quotas: quotas)?.id
            }
            return (postgres, sqlite)
        }
        // support is full (contact 1 held), retail too (target 0): 3 and 4 are kept back, 5 comes first.
        let plain = try pickedOnBoth()
        #expect(plain.0 == 5)
        #expect(plain.1 == 5)
        // Balancing: of 5 and 6 (both due at 10), 6 (`fi`, language by default, 5 open of 5) is
        // further from its target than 5 (billing, 3 open of 4).
        try store.setQuotaOptions(campaignID: "c", balance: true, actor: "t", now: Self.now)
        try sqlite.setQuotaOptions(campaignID: "c", balance: true, actor: "t", now: Self.now)
        let balanced = try pickedOnBoth()
        #expect(balanced.0 == 6)
        #expect(balanced.1 == 6)
    }
}
