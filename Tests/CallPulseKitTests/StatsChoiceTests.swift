import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Frequencies of choice and yes/no questions in stats: counted from complete interviews by the
/// `choiceTally` triggers, the same when counted from the rows.
@Suite struct StatsChoiceTests {
    let store: TestStore
    let clock = TestClock(ConsoleTests.mondayMorning)

    /// Four contacts; three complete interviews (chat / billing, delivery / yes; phone / billing / no;
    /// chat / other / yes) and one broken off after its first answer (email), which is not counted.
    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c", script: "Tests/CallPulseKitTests/Fixtures/scripts/choices.yaml")
        try store.db.importTestList("""
            phone,first_name,language
            040 111 1111,Ann,en
            040 111 1112,Ben,en
            040 111 1113,Cid,en
            040 111 1114,Dan,en
            """, in: store.dir, now: clock.now)
        try store.db.runTestSession(["a", "2", "1,2", "yes", "a", "phone", "1", "no", "a", "2", "3", "y", "a", "3", "/break"],
                                    clock: clock)
    }

    func snapshot(since: Int64? = nil) throws -> StatsSnapshot {
        try StatsSnapshot.load(database: store.db, campaignID: "c", since: since, now: clock.now)
    }

    @Test func eachOptionIsCountedOverTheCompleteInterviews() throws {
        let choices = try snapshot().scores.choices
        #expect(choices.map(\.questionId) == ["channel", "topics", "happy"])
        let channel = choices[0], topics = choices[1], happy = choices[2]
        #expect(channel.kind == "choice" && !channel.multiple && channel.n == 3)
        #expect(channel.options.map(\.code) == ["phone", "chat", "email"])
        #expect(channel.options.map(\.label) == ["By phone", "By chat", "By email"])
        #expect(channel.options.map(\.count) == [1, 2, 0])
        #expect(channel.options[1].share.map { abs($0 - 2.0 / 3) < 1e-9 } == true)
        // Several options per answer: shares of the answers, adding up to more than one.
        #expect(topics.multiple && topics.n == 3 && topics.options.map(\.count) == [2, 1, 1])
        #expect(happy.kind == "yesno" && happy.n == 3)
        #expect(happy.options.map(\.code) == ["yes", "no"] && happy.options.map(\.count) == [2, 1])
        let text = StatsDashboard(width: 80).render(try snapshot())
        #expect(text.contains("channel          n 3  phone 1 (33.3 %)  chat 2 (66.7 %)  email 0 (0.0 %)"), "\(text)")
        #expect(text.contains("topics           n 3, several each  billing 2 (66.7 %)"))
        #expect(text.contains("happy            n 3  yes 2 (66.7 %)  no 1 (33.3 %)"))
    }

    @Test func theReportDrawsEachQuestionsAnswers() throws {
        let report = try ClientReport.load(database: store.db, campaign: try store.db.campaign(id: "c"), language: .en,
                                           now: clock.now)
        let document = try ParsedReport.parse(ReportPage(report: report).render())
        let topics = try #require(document.element(id: "choice-topics")?.attributes)
        #expect(topics["data-n"] == "3" && topics["data-counts"] == "2 1 1")
        #expect(document.element(id: "choice-channel")?.attributes["data-counts"] == "1 2 0")
        #expect(document.element(id: "choice-happy")?.attributes["data-counts"] == "2 1")
        #expect(document.text.contains("What was it about? · n = 3 · several options each"))
        #expect(document.text.contains("Something else") && document.text.contains("2 (67%)"))
    }

    @Test func theTalliesFollowChangesAndAgreeWithTheRows() throws {
        #expect(try snapshot(since: 0).scores.choices == snapshot().scores.choices)
        // A changed answer moves its count; a deleted interview takes its answers out.
        try store.db.write { db in
            try db.execute(sql: "UPDATE answer SET value = '[\"email\"]' WHERE questionId = 'channel' AND interviewId = 2")
            try db.execute(sql: "DELETE FROM interview WHERE id = 3")
        }
        let choices = try snapshot().scores.choices
        #expect(choices[0].n == 2 && choices[0].options.map(\.count) == [0, 1, 1])
        #expect(choices[2].options.map(\.count) == [1, 1])
        #expect(try snapshot(since: 0).scores.choices == choices)
    }
}
