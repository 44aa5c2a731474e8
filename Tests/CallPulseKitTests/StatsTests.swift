import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Stats on a database filled through the real console path.
@Suite struct StatsTests {
    let dir: TemporaryDirectory
    let db: AppDatabase
    let clock = TestClock(ConsoleTests.mondayMorning)

    /// Five contacts; one console session completes three interviews (NPS 9, 10, 3; CES 5, 4, 2;
    /// CSAT 5, 4, 1), records a refusal and a no-answer.
    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try Self.fill(db, in: dir, clock: clock)
    }

    /// Creates campaign "c" with five contacts and runs the console session described above.
    static func fill(_ db: AppDatabase, in dir: TemporaryDirectory, clock: TestClock) throws {
        try db.makeTestCampaign(id: "c")
        try db.importTestList("""
            phone,first_name,language,touchpoint
            040 111 1111,Aino,fi,support
            040 111 1112,Eino,fi,support
            040 111 1113,Olli,fi,delivery
            040 111 1114,Pia,fi,support
            040 111 1115,Ulla,fi,delivery
            """, in: dir, now: clock.now)
        try db.runTestSession(["a", "9", "Hyvä", "5", "5", "a", "10", "/skip", "4", "4", "a", "3", "/skip", "2", "1", "k",
                               "r", "n"], clock: clock)
    }

    func snapshot(by field: String? = nil) throws -> StatsSnapshot {
        try StatsSnapshot.load(database: db, campaignID: "c", breakdownField: field, now: clock.now)
    }

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func progressCountsEveryCase() throws {
        let progress = try snapshot().progress
        #expect(progress.loaded == 5 && progress.attempted == 5 && progress.neverCalled == 0)
        #expect(progress.completes == 3 && progress.refusals == 1 && progress.partials == 0)
        #expect(progress.finished == 4 && progress.remaining == 1)
        #expect(close(progress.penetration, 1))
        #expect(progress.inProgress == 0 && progress.appointmentsDueToday == 0)
    }

    @Test func ratesCountTheUnfinishedCaseByItsLastCall() throws {
        let rates = try snapshot().rates
        #expect(rates.counts == DispositionCounts(I: 3, R: 1, UH: 1))
        #expect(close(rates.e, 1))
        #expect(close(rates.values["RR1"] ?? nil, 3.0 / 5))
        #expect(close(rates.values["RR3"] ?? nil, 3.0 / 5))
        #expect(close(rates.values["COOP1"] ?? nil, 3.0 / 4))
        #expect(close(rates.values["REF1"] ?? nil, 1.0 / 5))
        #expect(close(rates.values["CON1"] ?? nil, 4.0 / 5))
    }

    @Test func scoresComeFromTheCompleteInterviews() throws {
        let scores = try snapshot().scores
        let nps = try #require(scores.nps)
        #expect(nps.n == 3 && nps.promoters == 2 && nps.detractors == 1)
        #expect(close(nps.score, 100.0 / 3))
        #expect(nps.distribution == [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1])
        #expect(nps.shownMarginOfErrorMethod == "adjusted-wald")
        #expect(close(scores.ces?.mean, 11.0 / 3) && scores.ces?.min == 1 && scores.ces?.max == 5)
        #expect(close(scores.csat?.percent, 200.0 / 3) && close(scores.csat?.mean, 10.0 / 3))
        #expect(close(scores.csi?.value, 100 * (10.0 / 3) / 5))
        #expect(scores.scales.map(\.questionId) == ["nps", "ces", "csat"])
        // The one detractor was asked may_contact and said yes.
        #expect(scores.choices.map(\.questionId) == ["may_contact"])
        #expect(scores.choices.first?.n == 1 && scores.choices.first?.options.map(\.count) == [1, 0])
    }

    @Test func agentsFollowUpsAndTrend() throws {
        let stats = try snapshot()
        let agent = try #require(stats.agents.first)
        #expect(stats.agents.count == 1 && agent.agent == "liisa")
        #expect(agent.calls == 5 && agent.completes == 3 && agent.activeHours == 1)
        // The session's clock never moved: no time logged in, so no completes per hour.
        #expect(agent.loggedInSeconds == 0 && agent.completesPerHour == nil)
        #expect(close(agent.npsMean, 22.0 / 3))
        // Three follow-ups from the third interview: CSAT 1, NPS 3, and consent to be contacted.
        #expect(stats.followUps.open == 3 && stats.followUps.overdue == 0)
        #expect(stats.trend.completesPerHour.count == 12 && stats.trend.completesPerHour.last == 3)
        #expect(stats.trend.completesToday == 3)
        #expect(stats.trend.npsByDay.count == 1 && stats.trend.npsByDay[0].n == 3)
    }

    @Test func breakdownByTouchpoint() throws {
        let breakdown = try #require(try snapshot(by: "touchpoint").breakdown)
        #expect(breakdown.field == "touchpoint")
        #expect(breakdown.groups.map(\.value) == ["delivery", "support"])
        #expect(breakdown.groups.map(\.n) == [1, 2])
        #expect(close(breakdown.groups[0].nps, -100) && close(breakdown.groups[1].nps, 100))
        #expect(close(breakdown.groups[1].csatPercent, 100))
    }

    @Test func unknownFieldNamesTheFieldsThereAre() throws {
        #expect(throws: StatsError.unknownField(field: "segment", campaign: "c", available: ["touchpoint"])) {
            try snapshot(by: "segment")
        }
    }

    @Test func talliesAgreeWithARecountAndFollowDeletes() throws {
        try db.read { db in
            let recount = try Int.fetchOne(db, sql: "SELECT count(*) FROM answer a JOIN interview i ON i.id = a.interviewId WHERE i.status = 'complete' AND a.number IS NOT NULL")
            let tallied = try Int.fetchOne(db, sql: "SELECT sum(n) FROM scoreTally")
            #expect(recount == tallied)
            let calls = try Int.fetchOne(db, sql: "SELECT count(*) FROM call")
            #expect(try Int.fetchOne(db, sql: "SELECT sum(calls) FROM callTally") == calls)
        }
        // Erasing the detractor's contact takes their interview and answers out of every figure.
        try db.write { try $0.execute(sql: "DELETE FROM contact WHERE id = 3") }
        let stats = try snapshot()
        #expect(stats.scores.nps?.n == 2 && close(stats.scores.nps?.score, 100))
        #expect(stats.progress.loaded == 4 && stats.progress.completes == 2)
        #expect(stats.agents.first?.completes == 2)
    }

    @Test func dashboardFitsEightyColumnsAndSanitizesDataText() throws {
        try db.write { try $0.execute(sql: "UPDATE campaign SET client = 'Evil\u{1B}[2J Oy'") }
        let text = StatsDashboard(width: 80, allRates: true, timeZone: TimeZone(identifier: "Europe/Helsinki")!)
            .render(try snapshot(by: "touchpoint"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Evil?[2J Oy"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(String(line))") }
        #expect(text.contains("NPS +33.3  95 % interval"))
        #expect(text.contains("95 % INTERVAL"))
        #expect(text.contains("COOP4") && text.contains("CON3"))
        #expect(text.contains("CSI 66.7 = 100 × mean ÷ max"))
        #expect(text.contains("BY touchpoint"))
    }
}

extension StatsTests {
    @Test func followUpsTurnOverdueAndCloseWhenResolved() throws {
        clock.now += 3 * 86_400 // past the one-working-day due time
        #expect(try snapshot().followUps == .init(open: 3, overdue: 3))
        try db.write { try $0.execute(sql: "UPDATE followup SET resolvedAt = ?, resolvedBy = 'sv' WHERE id = 1", arguments: [clock.now]) }
        #expect(try snapshot().followUps == .init(open: 2, overdue: 2))
        // Due in the hour now running: counted exactly, to the second.
        try db.write { try $0.execute(sql: "UPDATE followup SET dueAt = ? WHERE id = 2", arguments: [clock.now + 1]) }
        #expect(try snapshot().followUps == .init(open: 2, overdue: 1))
    }
}

extension StatsTests {
    @Test func theMigrationFillsTheTalliesFromRowsAlreadyThere() throws {
        let dir = try TemporaryDirectory()
        let pool = try DatabasePool(path: dir.file("old.sqlite"))
        try AppDatabase.migrator.migrate(pool, upTo: "v1-core")
        let old = AppDatabase(path: dir.file("old.sqlite"), writer: pool, gate: WriteGate(databasePath: dir.file("old.sqlite")))
        // The rows this suite's database holds, copied into a file at the first schema (today's
        // importer needs today's schema, so the old file cannot be filled the way users did).
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS filled", arguments: [self.db.path])
            for table in ["campaign", "contact", "call", "interview", "answer", "note", "followup", "callListImport", "audit"] {
                let columns = try db.columns(in: table, in: "main").map { "\"\($0.name)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM filled.\(table)")
            }
            try db.execute(sql: "DETACH DATABASE filled")
        }
        try AppDatabase.migrator.migrate(pool)
        let migrated = try StatsSnapshot.load(database: old, campaignID: "c", now: clock.now)
        #expect(try migrated == snapshot())
    }
}

extension StatsTests {
    @Test func sinceBeforeTheFirstCallCountsFromRowsExactlyAsTheTalliesDo() throws {
        let whole = try snapshot(by: "touchpoint")
        let counted = try StatsSnapshot.load(database: db, campaignID: "c", breakdownField: "touchpoint", since: 0,
                                             now: clock.now)
        #expect(counted == whole)
    }

    @Test func sinceLeavesOutEarlierInterviewsAndCases() throws {
        // Move the first two interviews (NPS 9 and 10) and their calls a week back.
        try db.write { db in
            try db.execute(sql: "UPDATE interview SET startedAt = startedAt - 604800, endedAt = endedAt - 604800 WHERE id <= 2")
            try db.execute(sql: "UPDATE call SET startedAt = startedAt - 604800, endedAt = endedAt - 604800 WHERE contactId <= 2")
        }
        let stats = try StatsSnapshot.load(database: db, campaignID: "c", since: clock.now - 86_400, now: clock.now)
        #expect(stats.scores.nps?.n == 1 && stats.scores.nps?.score == -100)
        #expect(stats.progress.loaded == 3 && stats.progress.completes == 1)
        #expect(stats.rates.counts == DispositionCounts(I: 1, R: 1, UH: 1))
        #expect(stats.agents.first?.completes == 1 && stats.agents.first?.calls == 3)
        #expect(stats.followUps.open == 3)
        #expect(try snapshot().scores.nps?.n == 3)
    }
}
