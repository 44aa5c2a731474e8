import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A settable clock for console tests.
final class TestClock: @unchecked Sendable {
    // @unchecked: tests set and read it on one thread.
    var now: Int64
    init(_ now: Int64) { self.now = now }
}

/// The console driven in-process with scripted input and a controllable clock.
@Suite struct ConsoleTests {
    /// Monday 2026-11-23 10:00 in Helsinki: inside the default calling window.
    static let mondayMorning = LocalTime.at("2026-11-23 10:00")

    let dir: TemporaryDirectory
    let db: AppDatabase
    let clock = TestClock(ConsoleTests.mondayMorning)

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        let list = try dir.write("list.csv", """
            phone,first_name,language,touchpoint
            040 111 1111,Aino,fi,support
            050 222 2222,Björn,sv,delivery
            """)
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: db).importFile(list, into: "c", options: options, now: Self.mondayMorning)
    }

    /// Runs a console session with the given lines; returns the transcript.
    @discardableResult
    func session(_ inputs: [LineInput], agent: String = "liisa", interactive: Bool = false) throws -> String {
        let output = ConsoleOutput.recording()
        let reader = ScriptedLineReader(inputs, output: output)
        let clock = self.clock
        let console = try Console(database: db, campaignID: "c", agent: agent, reader: reader, output: output,
                                  interactive: interactive, clock: { clock.now })
        try console.run()
        return output.transcript
    }

    func lines(_ texts: String...) -> [LineInput] { texts.map { .line($0) } }

    func answers(contact: Int64) throws -> [String: String] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.questionId, COALESCE(a.value, a.special) AS v FROM answer a JOIN interview i ON i.id = a.interviewId
                WHERE i.contactId = ?
                """, arguments: [contact])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["questionId"] as String, $0["v"] as String) })
        }
    }

    @Test func aWholeInterviewIsSavedAndTheCaseCompleted() throws {
        let transcript = try session(lines("a", "9", "Nopea palvelu", "5", "5"))
        #expect(transcript.contains("Hyvää päivää, Aino. Soitan yrityksen Testi Oy puolesta."))
        #expect(transcript.contains("1 / 4  nps"))
        #expect(transcript.contains("✓ Interview complete (AAPOR 1.1): 4 answers saved."))
        #expect(try answers(contact: 1) == ["nps": "9", "nps_reason": "\"Nopea palvelu\"", "ces": "5", "csat": "5"])
        let contact = try db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.status == .done && contact.disposition == "1.1" && contact.leaseAgent == nil && contact.attempts == 1)
        let calls = try db.read { try CallRecord.fetchAll($0) }
        #expect(calls.count == 1 && calls[0].outcome == .answered && calls[0].aapor == "1.1")
    }

    @Test func invalidInputRepromptsAndConditionsDecideTheQuestions() throws {
        let transcript = try session(lines("a", "11", "x", "3", "/skip", "2", "1", "k"))
        #expect(transcript.contains("'11': anna kokonaisluku 0–10")) // in the interview's language
        #expect(transcript.contains("5 / 5  may_contact")) // asked because csat <= 2
        #expect(try answers(contact: 1)["may_contact"] == "true")
        #expect(try answers(contact: 1)["nps_reason"] == "skipped")
    }

    @Test func alertsCreateFollowUpsAsSoonAsTheAnswerIsSaved() throws {
        // Break off right after the CSAT answer: the follow-up exists although the interview is not complete.
        let transcript = try session(lines("a", "8", "/skip", "4", "1") + [.interrupt] + lines("y"))
        #expect(transcript.contains("⚑ follow-up created: CSAT 1 — "))
        let followUps = try db.read { try FollowUp.fetchAll($0) }
        #expect(followUps.count == 1)
        #expect(followUps[0].reason.contains("CSAT"))
    }

    @Test func goingBackCorrectsAnAnswerAndKeepsTheOldOneInTheAudit() throws {
        try session(lines("a", "6", "/back", "9", "", "4", "5"))
        #expect(try answers(contact: 1)["nps"] == "9")
        let audit = try db.read { try AuditEntry.filter(Column("action") == "change-answer").fetchAll($0) }
        #expect(audit.count == 1)
        #expect(audit[0].detail == "nps: 6 → 9")
        #expect(audit[0].actor == "liisa")
    }

    @Test func brokenOffInterviewResumesAtTheFirstUnansweredQuestion() throws {
        try session(lines("a", "7", "Ok") + [.interrupt] + lines("y") + [.endOfInput])
        let afterBreak = try db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(afterBreak.status == .scheduled)
        #expect(try db.read { try InterviewRecord.fetchOne($0) }?.status == .brokenOff)
        clock.now += 3 * 3600
        let transcript = try session(lines("a", "4", "4"), agent: "pekka")
        #expect(transcript.contains("Resuming the interview. Answers so far:"))
        #expect(transcript.contains("1 / 4 nps: 7"))
        #expect(transcript.contains("3 / 4  ces"))
        #expect(!transcript.contains("1 / 4  nps\n"))
        #expect(try answers(contact: 1) == ["nps": "7", "nps_reason": "\"Ok\"", "ces": "4", "csat": "4"])
        #expect(try db.read { try InterviewRecord.fetchAll($0) }.count == 1)
    }

    @Test func ctrlCBeforeTheInterviewReleasesTheContact() throws {
        let transcript = try session([.interrupt])
        #expect(transcript.contains("Contact released"))
        let contact = try db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.leaseAgent == nil && contact.status == .new && contact.attempts == 0)
    }

    @Test func nonFinalOutcomesScheduleRetriesAndFinalOnesCloseTheCase() throws {
        let transcript = try session(lines("n ei vastaa", "x"))
        #expect(transcript.contains("✓ no answer — next try 2026-11-23 13:00 Europe/Helsinki"))
        #expect(transcript.contains("case closed (AAPOR 4.31)"))
        let contacts = try db.read { try Contact.order(Column("id")).fetchAll($0) }
        #expect(contacts[0].status == .scheduled && contacts[0].nextCallAt == clock.now + 3 * 3600)
        #expect(contacts[1].status == .done && contacts[1].disposition == "4.31")
        #expect(try db.read { try NoteRecord.fetchAll($0) }.map(\.text) == ["ei vastaa"])
    }

    @Test func nothingToCallSaysWhy() throws {
        try session(lines("n", "b"))
        let transcript = try session([])
        #expect(transcript.contains("Nothing to call now: next retry or appointment at 2026-11-23 10:15"))
        clock.now = LocalTime.at("2026-11-23 21:30")
        try db.write { try $0.execute(sql: "UPDATE contact SET status = 'new', nextCallAt = NULL") }
        let night = try session([])
        #expect(night.contains("outside the calling window until 2026-11-24 09:00"))
        try db.setStatus(.paused, campaignID: "c", actor: "sv", at: clock.now)
        #expect(try session([]).contains("Campaign c is paused"))
    }

    @Test func maximumAttemptsEndTheCase() throws {
        for _ in 0..<6 {
            try session(lines("b", "q"))
            clock.now += 20 * 60
        }
        let contact = try db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.status == .done)
        #expect(contact.disposition == "3.12")
        #expect(contact.attempts == 6)
    }

    @Test func appointmentsGoToTheirAgentFirst() throws {
        try session(lines("c", "+1h", "q"), agent: "liisa")
        clock.now += 3600
        let other = try session(lines("q"), agent: "pekka")
        #expect(other.contains("Contact #2"))
        let own = try session(lines("q"), agent: "liisa")
        #expect(own.contains("Contact #1  ·  appointment"))
        clock.now += 20 * 60 // after the grace period anyone may take it
        #expect(try session(lines("q"), agent: "pekka").contains("Contact #1  ·  appointment"))
    }

    @Test func neverCallAgainIsHonouredInEveryCampaign() throws {
        try session(lines("d", "y", "q"))
        #expect(try db.read { try String.fetchAll($0, sql: "SELECT phone FROM doNotCall") } == ["+358401111111"])
        try db.makeTestCampaign(id: "other")
        try db.write { try $0.execute(sql: "INSERT INTO contact (campaignId, phone) VALUES ('other', '+358401111111')") }
        var queue = ContactQueue(store: db, campaignID: "other", agent: "x")
        guard case .nothing(.allDone) = try queue.claimNext(now: clock.now) else {
            Issue.record("a do-not-call number was served")
            return
        }
    }

    @Test func quarantineKeepsRecentlyInterviewedPeopleOut() throws {
        try session(lines("a", "9", "/skip", "5", "5", "q"))
        try db.makeTestCampaign(id: "other")
        try db.write { try $0.execute(sql: "INSERT INTO contact (campaignId, phone) VALUES ('other', '+358401111111')") }
        var queue = ContactQueue(store: db, campaignID: "other", agent: "x")
        guard case let .nothing(.waiting(nextCallAt, _, _)) = try queue.claimNext(now: clock.now) else {
            Issue.record("a quarantined person was served")
            return
        }
        #expect(nextCallAt == clock.now + 90 * 86_400)
    }

    @Test func twoQueuesNeverGetTheSameContact() throws {
        var first = ContactQueue(store: db, campaignID: "c", agent: "a")
        var second = ContactQueue(store: db, campaignID: "c", agent: "b")
        guard case let .claimed(one) = try first.claimNext(now: clock.now),
              case let .claimed(two) = try second.claimNext(now: clock.now)
        else { Issue.record("expected two claims"); return }
        #expect(one.contact.id != two.contact.id)
        // A crashed agent's lease runs out and the contact returns.
        var third = ContactQueue(store: db, campaignID: "c", agent: "c")
        guard case .nothing = try third.claimNext(now: clock.now) else { Issue.record("served a leased contact"); return }
        guard case let .claimed(back) = try third.claimNext(now: clock.now + 121) else { Issue.record("lease never ran out"); return }
        #expect(back.contact.id == one.contact.id)
    }
}

@Suite struct ConsoleOutputTests {
    @Test func longLinesWrapAtSpacesKeepingTheIndent() {
        let lines = ConsoleOutput.wrap("  Kuinka todennäköisesti suosittelisitte yritystä", width: 20)
        #expect(lines == ["  Kuinka", "  todennäköisesti", "  suosittelisitte", "  yritystä"])
        #expect(ConsoleOutput.wrap("short", width: 20) == ["short"])
    }
}
