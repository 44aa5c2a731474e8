import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The contact card's outcome line and call-back times, through the console with scripted input.
/// The clock is Friday 2026-12-04 12:00 in Helsinki; the campaign calls weekdays 09–20, Saturday
/// 10–16 and never on Sunday.
@Suite struct ConsoleCardTests {
    static let fridayNoon = LocalTime.at("2026-12-04 12:00")

    let store: TestStore
    let clock = TestClock(ConsoleCardTests.fridayNoon)

    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c")
        try store.db.importTestList("""
            phone,first_name,language
            040 111 1111,Aino,fi
            050 222 2222,Björn,sv
            """, in: store.dir, now: Self.fridayNoon)
    }

    @discardableResult
    func session(_ lines: [String], agent: String = "liisa") throws -> String {
        let output = ConsoleOutput.recording()
        let reader = ScriptedLineReader(lines.map { .line($0) }, output: output)
        let clock = self.clock
        let console = try Console(database: store.db, campaignID: "c", agent: agent, reader: reader, output: output,
                                  interactive: false, clock: { clock.now })
        try console.run()
        return output.transcript
    }

    /// Every call row: outcome, AAPOR code, note, call-back time.
    func calls() throws -> [(outcome: String?, aapor: String?, note: String?, callbackAt: Int64?)] {
        try store.db.read { db in
            try Row.fetchAll(db, sql: "SELECT outcome, aapor, note, callbackAt FROM call ORDER BY id").map {
                ($0["outcome"], $0["aapor"], $0["note"], $0["callbackAt"])
            }
        }
    }

    func doNotCall() throws -> [String] {
        try store.db.read { try String.fetchAll($0, sql: "SELECT phone FROM doNotCall") }
    }

    // MARK: the outcome line (issue 11, item 8)

    @Test func aTimeAfterCIsTheCallBackTime() throws {
        let transcript = try session(["c tomorrow 10"])
        #expect(!transcript.contains("call back when?"))
        let calls = try calls()
        #expect(calls.count == 1)
        #expect(calls.first?.outcome == "callBack" && calls.first?.note == nil)
        #expect(calls.first?.callbackAt == LocalTime.at("2026-12-05 10:00"))
        let contact = try store.db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.status == .scheduled && contact.nextCallAt == LocalTime.at("2026-12-05 10:00"))
    }

    @Test func aNoteForTheAppointmentFollowsAComma() throws {
        try session(["c ma 10, kysy Ainoa"])
        #expect(try calls().first?.note == "kysy Ainoa")
        #expect(try calls().first?.callbackAt == LocalTime.at("2026-12-07 10:00"))
    }

    @Test func aWordStartingWithAKeyIsRefusedWithTheKeys() throws {
        let transcript = try session(["dial later", "no answer"])
        #expect(transcript.contains("✗ 'dial later' is not an outcome: type the key alone"))
        #expect(transcript.contains("✗ 'no answer' is not an outcome"))
        #expect(transcript.contains("d asks never to be called again"))
        #expect(try doNotCall().isEmpty)
        #expect(try calls().isEmpty)
    }

    @Test func neverCallAgainNeedsOneMoreKey() throws {
        let transcript = try session(["d", "", "d soitti itse", "y"])
        #expect(transcript.contains("on the do-not-call list of every campaign? [y = yes, Enter = back]"))
        #expect(transcript.contains("Not saved; choose the outcome again."))
        #expect(try doNotCall() == ["+358401111111"])
        let calls = try calls()
        #expect(calls.count == 1 && calls.first?.outcome == "neverCallAgain" && calls.first?.note == "soitti itse")
    }

    @Test func aKeyAloneThenANoteStillWorks() throws {
        try session(["n ei vastaa", "B"])
        let calls = try calls()
        #expect(calls.map(\.outcome) == ["noAnswer", "busy"])
        #expect(calls.map(\.note) == ["ei vastaa", nil])
    }

    // MARK: someone else answered (item 9)

    @Test func customerNotThereNowIsTriedAgainNotClosed() throws {
        let transcript = try session(["o tytär vastasi"])
        #expect(transcript.contains("o = someone else answered, the customer is not there now: tried again later"))
        #expect(transcript.contains("✓ customer not there now — next try 2026-12-04 14:00 Europe/Helsinki"))
        let calls = try calls()
        #expect(calls.count == 1 && calls.first?.outcome == "notThereNow" && calls.first?.aapor == "2.21")
        let contact = try store.db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.status == .scheduled && contact.disposition == nil)
    }

    @Test func notTheCustomersNumberClosesAsIneligible() throws {
        let transcript = try session(["w"])
        #expect(transcript.contains("✓ not the customer's number — case closed (AAPOR 4.70)"))
    }

    // MARK: call-back times (item 11)

    @Test(arguments: [
        ("c 03:00", "2026-12-05 03:00", "Saturday 2026-12-05 03:00 Europe/Helsinki is outside the calling window (Saturdays 10:00–16:00)"),
        ("c sunday 11", "2026-12-06 11:00", "Sunday 2026-12-06 11:00 Europe/Helsinki: the campaign makes no calls on Sundays"),
        ("c la 9:15", "2026-12-05 09:15", "Saturday 2026-12-05 09:15 Europe/Helsinki is outside the calling window"),
        ("c 25.11. 14:00", "2027-11-25 14:00", "2027-11-25 14:00 Europe/Helsinki is 356 days ahead (more than 60)"),
    ])
    func aDoubtfulCallBackTimeIsKeptOnlyWhenConfirmed(_ line: String, _ local: String, _ warning: String) throws {
        let refused = try session([line, "", ""])
        #expect(refused.contains("! " + warning))
        #expect(refused.contains("Keep this time (the customer asked for it)?"))
        #expect(try calls().isEmpty)
        let kept = try session([line, "y"])
        #expect(kept.contains("! " + warning))
        #expect(try calls().map(\.callbackAt) == [LocalTime.at(local)])
    }

    @Test func theInterviewsCallbackGoesThroughTheSameCheck() throws {
        let transcript = try session(["a", "/callback 03:00", "", "/callback 25.11. 14:00", "y"])
        #expect(transcript.contains("! Saturday 2026-12-05 03:00 Europe/Helsinki is outside the calling window"))
        #expect(transcript.contains("! 2027-11-25 14:00 Europe/Helsinki is 356 days ahead (more than 60)"))
        #expect(try calls().map(\.callbackAt) == [LocalTime.at("2027-11-25 14:00")])
        let contact = try store.db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.nextCallAt == LocalTime.at("2027-11-25 14:00"))
    }
}
