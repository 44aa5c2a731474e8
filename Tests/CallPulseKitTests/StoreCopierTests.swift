import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `StoreCopier` on two SQLite files (the PostgreSQL target is tested end to end): everything is
/// copied with its ids, erased people stay erased, the copy checks itself, and a target that
/// already holds campaigns is refused before anything is written.
@Suite struct StoreCopierTests {
    /// A SQLite file of campaign `c` with 6 contacts worked from the console: two interviews (4 and
    /// 5 answers), a no-answer, a refusal, and contact 2 (040 1000001) erased.
    static func workedSource(in dir: TemporaryDirectory, named name: String = "source.sqlite") throws -> String {
        let source = dir.file(name)
        try ConsoleEndToEndTests.setUp(contacts: 6, in: dir, path: source)
        let agent = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", source],
                                            stdin: "a\n9\nHyvä\n5\n5\n" + "a\n2\n\n1\n1\nk\n" + "n\n" + "r\n")
        #expect(agent.status == 0, "\(agent.stderr)")
        #expect(try CallPulseBinary.run(["forget", "040 1000001", "--db", source]).status == 0)
        return source
    }

    @Test func aWorkedCampaignIsCopiedWholeAndChecked() throws {
        let dir = try TemporaryDirectory()
        let source = try Self.workedSource(in: dir)
        #expect(try CallPulseBinary.run(["campaign", "quota", "add", "c", "espoo", "--where", "language = \"fi\"",
                                         "--target", "3", "--db", source]).status == 0)

        let from = try AppDatabase.open(path: source)
        let to = try AppDatabase.open(path: dir.file("target.sqlite"))
        let report = try StoreCopier(source: from, target: to).copy(now: 1_800_000_000)
        #expect(report.campaigns == ["c"])
        #expect(report.rows.first { $0.table == "contact" }?.count == 6)
        #expect(report.rows.first { $0.table == "answer" }?.count == 9) // 4 in the first interview, 5 in the second
        #expect(report.rows.first { $0.table == "quota" }?.count == 1)
        let erased = try to.read { try Contact.fetchOne($0, key: 2) }
        #expect(erased?.erasedAt != nil && erased?.phone != "+358401000001")
        // The copy goes on working: a new call gets the next id.
        var queue = ContactQueue(store: to, campaignID: "c", agent: "pekka")
        guard case let .claimed(claimed) = try queue.claimNext(now: 1_800_000_000) else {
            Issue.record("nothing served on the copy")
            return
        }
        try to.recordCall(contactID: claimed.contact.id!, holder: queue.holder, startedAt: 1_800_000_000,
                          result: CallResult(outcome: .noAnswer), now: 1_800_000_001)

        #expect(throws: StoreCopyError.targetNotEmpty(target: to.location, campaigns: ["c"])) {
            try StoreCopier(source: from, target: to).copy(now: 1_800_000_000)
        }
    }
}
