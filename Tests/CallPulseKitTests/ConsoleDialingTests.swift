import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The console's dialing flow in-process, with `ScriptedSoftphone` in place of baresip.
@Suite struct ConsoleDialingTests {
    let dir: TemporaryDirectory
    let db: AppDatabase
    let clock = TestClock(ConsoleTests.mondayMorning)

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        try db.importTestList("phone,first_name,language\n040 111 1111,Aino,fi\n050 222 2222,Björn,fi\n",
                              in: dir, now: ConsoleTests.mondayMorning)
    }

    func session(_ lines: [String], phone softphone: ScriptedSoftphone, ringSeconds: Int = 5) throws -> String {
        try session(lines, dialer: .softphone(PhoneAddress()), ringSeconds: ringSeconds, connector: { _ in softphone })
    }

    func session(_ lines: [String], dialer: PhoneLine.Dialer, ringSeconds: Int = 5,
                 connector: @escaping (PhoneAddress) throws -> any Softphone = { _ in ScriptedSoftphone([]) }) throws -> String {
        let output = ConsoleOutput.recording()
        let clock = self.clock
        let console = try Console(database: db, campaignID: "c", agent: "liisa",
                                  reader: ScriptedLineReader(lines: lines, output: output), output: output,
                                  interactive: false, clock: { clock.now })
        console.phone = PhoneLine(dialer: dialer, dialURI: try DialURI(template: "sip:{e164}@gw.example"),
                                  ringSeconds: ringSeconds, connector: connector)
        try console.run()
        return output.transcript
    }

    func calls() throws -> [CallRecord] {
        try db.read { try CallRecord.order(Column("id")).fetchAll($0) }
    }

    @Test func theLineCodesBusyAndAnAnswerStartsTheInterview() throws {
        let phone = ScriptedSoftphone([[.ringing, .closed(reason: "486 Busy Here")], [.ringing, .established]])
        let text = try session(["", "", "", "3"], phone: phone)
        #expect(text.contains("the line says: 486 Busy Here → busy"), "\(text)")
        #expect(text.contains("✓ answered — the interview starts"))
        // On start (a call left by an earlier session), the two dials, the answered call's end, the session's end.
        #expect(phone.log == ["hangup", "dial sip:+358401111111@gw.example", "dial sip:+358502222222@gw.example",
                              "hangup", "hangup"])
        let calls = try calls()
        #expect(calls.map(\.outcome) == [.busy, .answered])
        #expect(calls.map { $0.paradata?.sipStatus } == [486, 200])
        #expect(calls.map { $0.paradata?.codedBy } == [.line, .line])
        #expect(calls[1].paradata?.talkSeconds != nil)
        #expect(text.contains("Session ended: 2 calls"), "\(text)") // the answered call counted once
    }

    @Test func theAgentOverridesTheLineOnTheSameCard() throws {
        let phone = ScriptedSoftphone([[.closed(reason: "480 Temporarily Unavailable")]])
        let text = try session(["", "m", "q"], phone: phone)
        #expect(text.contains("→ no answer"), "\(text)")
        let calls = try calls()
        #expect(calls.map(\.outcome) == [.answeringMachine])
        #expect(calls.first?.paradata?.codedBy == .agent)
        #expect(calls.first?.paradata?.sipReason == "Temporarily Unavailable")
    }

    @Test func aStatusTheLineCannotCodeIsLeftToTheAgent() throws {
        let phone = ScriptedSoftphone([[.closed(reason: "603 Decline")]])
        let text = try session(["", "r", "q"], phone: phone)
        #expect(text.contains("the line says: 603 Decline. Code the outcome by key."), "\(text)")
        #expect(try calls().map(\.outcome) == [.refused])
    }

    @Test func nothingWithinTheRingTimeIsHungUpAsNoAnswer() throws {
        let phone = ScriptedSoftphone([[.ringing]])
        let text = try session(["", "", "q"], phone: phone, ringSeconds: 1)
        #expect(text.contains("no answer within the ring time → no answer"), "\(text)")
        #expect(phone.log == ["hangup", "dial sip:+358401111111@gw.example", "hangup", "hangup"])
        #expect(try calls().map(\.outcome) == [.noAnswer])
    }

    @Test func quittingAfterTheLineCodedKeepsTheAttempt() throws {
        let phone = ScriptedSoftphone([[.ringing, .closed(reason: "486 Busy Here")]])
        let text = try session(["", "q"], phone: phone)
        #expect(text.contains("✓ busy"), "\(text)")
        let calls = try calls()
        #expect(calls.map(\.outcome) == [.busy])
        #expect(calls.first?.paradata?.codedBy == .line)
        #expect(calls.first?.paradata?.sipStatus == 486)
    }

    @Test func quittingAfterADialTheLineLeftOpenAsksOnce() throws {
        let phone = ScriptedSoftphone([[.closed(reason: "603 Decline")], [.closed(reason: "603 Decline")]])
        let text = try session(["", "q", "r", "", "q", "q"], phone: phone)
        #expect(text.components(separatedBy: "the call has no outcome yet").count == 3, "\(text)")
        #expect(text.contains("Contact released"))
        // The first card's key after the question is saved; the second card is given back on the second q.
        #expect(try calls().map(\.outcome) == [.refused])
    }

    @Test func aCustomerHangingUpMidInterviewIsToldAtTheNextPrompt() throws {
        let phone = ScriptedSoftphone([[.ringing, .established, .closed(reason: "Connection reset by peer")]])
        let text = try session(["", "3"], phone: phone)
        #expect(text.contains("The customer hung up at 0:0"), "\(text)")
        #expect(text.contains("/break to break off, or go on if you call back"))
        #expect(text.components(separatedBy: "The customer hung up").count == 2, "told once: \(text)")
        #expect(text.contains("call ended"))
        // The call the customer ended is not hung up again: on start, the dial, the session's end.
        #expect(phone.log == ["hangup", "dial sip:+358401111111@gw.example", "hangup"])
        let calls = try calls()
        #expect(calls.map(\.outcome) == [.answered])
        #expect(calls.first?.paradata?.talkSeconds == 0)
        let answers = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answer") }
        #expect(answers == 1)
    }

    @Test func anAnswerKeyedAfterADialCommandKeepsTheDial() throws {
        let text = try session(["", "a", "3"], dialer: .command(try DialCommand(template: "true")))
        #expect(text.contains("with the dial command …"), "\(text)")
        let calls = try calls()
        #expect(calls.map(\.outcome) == [.answered])
        #expect(calls.first?.paradata?.dialledAt == ConsoleTests.mondayMorning)
        #expect(calls.first?.paradata?.codedBy == .agent)
        #expect(calls.first?.paradata?.sipStatus == nil)
    }
}
