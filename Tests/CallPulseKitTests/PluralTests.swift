import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Counts in command and console output read right: "1 call", "2 calls", never "1 calls".
@Suite struct PluralTests {
    @Test(arguments: [(0, "0 answers"), (1, "1 answer"), (2, "2 answers")])
    func countsTakeTheirNounInTheRightNumber(count: Int, expected: String) {
        #expect(Plural.of(count, "answer") == expected)
        #expect(Plural.of(count, "person", "people").hasSuffix(count == 1 ? "person" : "people"))
    }

    @Test func theSessionSummaryOfOneCallSaysOneCall() throws {
        let console = try ConsoleTests()
        let transcript = try console.session(console.lines("n", "q"))
        #expect(transcript.contains("Session ended: 1 call, 0 completes, 0 follow-ups."), "\(transcript.suffix(300))")
    }

    @Test func allDoneSaysOneContactOrNone() throws {
        let campaign = try ConsoleTests().db.campaign(id: "c")
        #expect(NothingMessage.text(.allDone(total: 1), campaign: campaign, now: 0)
            == "The one contact of c has been called to a final outcome.")
        #expect(NothingMessage.text(.allDone(total: 2), campaign: campaign, now: 0)
            == "All 2 contacts of c have been called to a final outcome.")
        #expect(NothingMessage.text(.allDone(total: 0), campaign: campaign, now: 0).contains("has no contacts"))
    }

    @Test func aOneDayQuarantineIsOneDay() throws {
        var campaign = try ConsoleTests().db.campaign(id: "c")
        campaign.quarantineDays = 1
        #expect(campaign.rulesDescription.contains("survey quarantine: 1 day"))
    }

    @Test func aRowOfOneFieldSaysOneField() throws {
        let dir = try TemporaryDirectory()
        let db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        let list = try dir.write("list.csv", "phone\n040 1234567\n050 1234567,extra\n")
        var options = CallListImporter.Options()
        options.actor = "tester"
        let summary = try CallListImporter(database: db).importFile(list, into: "c", options: options, now: 1_700_000_000)
        #expect(summary.firstRejects.map(\.detail) == ["2 fields, but the header has 1 column"])
    }
}
