import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The text dashboard `stats` and `stats --watch` draw: it fits the window, shows the campaign's
/// time, and says what its counts count.
extension StatsTests {
    /// The suite's snapshot with `agents` more agents and the touchpoint breakdown.
    func snapshot(agents: Int) throws -> StatsSnapshot {
        var snapshot = try StatsSnapshot.load(database: db, campaignID: "c", breakdownField: "touchpoint", now: clock.now)
        for index in 0..<agents {
            snapshot.agents.append(.init(agent: "agent\(index)", calls: 10, completes: 3, activeHours: 1, loggedInSeconds: 1800,
                                         completesPerHour: 6, meanInterviewSeconds: 200, npsMean: 8, npsAnswers: 3))
        }
        return snapshot
    }

    @Test(arguments: [24, 30, 12])
    func aShortWindowKeepsAgentsAndFollowUpsOnScreen(rows: Int) throws {
        let text = StatsDashboard(width: 80, height: rows).render(try snapshot(agents: 8))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= rows, "\(text)")
        for line in lines { #expect(line.count <= 80) }
        if rows >= 24 {
            #expect(text.contains("AGENTS") && text.contains("FOLLOW-UPS  open 3  overdue 0"), "\(text)")
            #expect(text.contains("NPS +33.3  95 % interval"))
            #expect(text.contains(" more agents (a taller window or --json shows them)") || text.contains("agent7"))
        } else {
            #expect(lines.last?.contains("more lines below") == true)
        }
    }

    @Test func manyChoiceQuestionsDoNotPushAgentsOffTheScreen() throws {
        var snapshot = try snapshot(agents: 2)
        let options = (1...6).map { StatsSnapshot.OptionCount(code: "option\($0)", label: "", count: $0, share: Double($0) / 21) }
        snapshot.scores.choices += (1...8).map { .init(questionId: "q\($0)", kind: "choice", multiple: false, n: 21, options: options) }
        let text = StatsDashboard(width: 80, height: 24).render(snapshot)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= 24, "\(text)")
        #expect(text.contains("agent1") && text.contains("FOLLOW-UPS"), "\(text)")
        #expect(text.contains(" of answers (a taller window shows them)"))
        #expect(text.contains("… 2 more groups (a taller window shows them)"), "\(text)")
    }

    @Test func aTallEnoughWindowShowsEverythingInFull() throws {
        let snapshot = try snapshot(agents: 8)
        let full = StatsDashboard(width: 80).render(snapshot)
        #expect(StatsDashboard(width: 80, height: 200).render(snapshot) == full)
        #expect(full.contains("agent7") && full.contains("  10 ") && full.contains("BY touchpoint"))
        // Compact: the 0–10 distribution as one line.
        let compact = StatsDashboard(width: 80, height: 30).render(snapshot)
        #expect(compact.contains("0 ▕") && !compact.contains("\n  10 "))
    }

    @Test func theHeaderTellsTheTimeInTheCampaignsZone() throws {
        // 10:00 in Helsinki is 08:00 UTC: the machine's zone (UTC here) does not decide.
        let text = StatsDashboard(width: 80, timeZone: TimeZone(identifier: "UTC")!).render(try snapshot(agents: 0))
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.contains("2026-11-23 10:00"), "\(header)")
    }

    @Test func progressAndRatesSayWhatTheyCount() throws {
        // A call-back still to be made: NC in the rates (by its last call), not yet a finished non-contact.
        let dir = try TemporaryDirectory()
        let db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        try db.importTestList("phone,first_name,language\n040 111 1111,Aino,fi\n", in: dir, now: clock.now)
        try db.runTestSession(["c", "+1h", "q"], clock: clock)
        let stats = try StatsSnapshot.load(database: db, campaignID: "c", now: clock.now)
        #expect(stats.progress.nonContacts == 0 && stats.rates.counts.NC == 1)
        let text = StatsDashboard(width: 80).render(stats)
        #expect(text.contains("finished as:  completes 0  partials 0  refusals 0  non-contacts 0"), "\(text)")
        #expect(text.contains("RATES  (AAPOR, e = 1.000 default; every case, unfinished by last call)"), "\(text)")
        #expect(text.contains("NC 1"))
    }
}
