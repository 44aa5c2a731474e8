import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Every write an agent's console makes checks that its console still holds the contact's lease:
/// once the lease ran out and another console took the contact, the first one's writes fail with
/// `leaseLost` and change nothing.
@Suite struct LeaseTests {
    static let now = LocalTime.at("2026-11-23 10:00")

    let store: TestStore
    let liisa = LeaseHolder(agent: "liisa", session: "host:100:1")
    let pekka = LeaseHolder(agent: "pekka", session: "host:200:1")

    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c")
        try store.db.importTestList("phone\n040 111 1111\n050 222 2222\n", in: store.dir, now: Self.now)
    }

    func claim(_ holder: LeaseHolder, at now: Int64) throws -> ClaimedContact? {
        var queue = ContactQueue(store: store.db, campaignID: "c", agent: holder.agent)
        queue.session = holder.session
        queue.leaseSeconds = 60
        guard case let .claimed(claimed) = try queue.claimNext(now: now) else { return nil }
        return claimed
    }

    /// Every row of the tables an agent's writes touch, to show a refused write changed nothing.
    func everything() throws -> [String] {
        try store.db.read { db in
            try ["contact", "call", "interview", "answer", "note", "followup", "doNotCall", "audit"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }

    @Test func midInterviewTheFirstAgentsWritesAreRefusedOnceTheSecondTookTheContact() throws {
        let db = store.db
        #expect(try claim(liisa, at: Self.now)?.contact.id == 1)
        let (interview, liisaCall) = try db.startInterview(contactID: 1, holder: liisa, language: "fi",
                                                           callStartedAt: Self.now, now: Self.now)
        try db.saveAnswer(interviewID: interview.id!, contactID: 1, questionID: "nps", answer: .answer(.number(9)),
                          holder: liisa, alerts: [], leaseUntil: Self.now + 70, now: Self.now + 10)
        // Liisa's laptop sleeps; her lease runs out and Pekka takes the contact, resuming the interview.
        let taken = try #require(try claim(pekka, at: Self.now + 71))
        #expect(taken.contact.id == 1 && taken.answers.count == 1)
        try db.closeInterruptedCall(callID: liisaCall, contactID: 1, holder: pekka, code: "2.12")
        let (resumed, pekkaCall) = try db.startInterview(contactID: 1, holder: pekka, language: "fi",
                                                         callStartedAt: Self.now + 72, now: Self.now + 72)
        #expect(resumed.id == interview.id)
        try db.saveAnswer(interviewID: interview.id!, contactID: 1, questionID: "nps_reason", answer: .answer(.text("Hinta")),
                          holder: pekka, alerts: [], leaseUntil: Self.now + 140, now: Self.now + 80)

        let before = try everything()
        let lost = StoreError.leaseLost(contactID: 1, takenBy: "pekka")
        let id = interview.id!
        #expect(throws: lost) {
            try db.saveAnswer(interviewID: id, contactID: 1, questionID: "nps_reason", answer: .answer(.text("Kallis")),
                              holder: liisa, alerts: [FiredAlert(index: 0, reason: "soita")], leaseUntil: Self.now + 150,
                              now: Self.now + 90)
        }
        #expect(throws: lost) { try db.addNote(contactID: 1, interviewID: id, holder: liisa, text: "x", now: Self.now + 90) }
        #expect(throws: lost) {
            try db.breakOffInterview(interviewID: id, callID: liisaCall, contactID: 1, holder: liisa, callbackAt: Self.now + 3600,
                                     answeredShare: 0.4, now: Self.now + 90)
        }
        #expect(throws: lost) {
            try db.endInterview(interviewID: id, callID: liisaCall, contactID: 1, holder: liisa, disposition: "2.11",
                                now: Self.now + 90)
        }
        #expect(throws: lost) {
            try db.completeInterview(interviewID: id, callID: liisaCall, contactID: 1, holder: liisa, now: Self.now + 90)
        }
        #expect(throws: lost) {
            try db.startInterview(contactID: 1, holder: liisa, language: "fi", callStartedAt: Self.now + 90, now: Self.now + 90)
        }
        #expect(throws: lost) {
            try db.recordCall(contactID: 1, holder: liisa, startedAt: Self.now, result: CallResult(outcome: .neverCallAgain),
                              now: Self.now + 90)
        }
        #expect(try !db.renewLease(contactID: 1, holder: liisa, until: Self.now + 200))
        try db.releaseContact(contactID: 1, holder: liisa)
        #expect(try everything() == before)

        // Pekka goes on as if nothing happened.
        try db.completeInterview(interviewID: id, callID: pekkaCall, contactID: 1, holder: pekka, now: Self.now + 100)
        let answers = try db.read { try AnswerRecord.order(Column("id")).fetchAll($0) }
        #expect(answers.map { "\($0.questionId) \($0.value ?? "") \($0.agent)" } == ["nps 9 liisa", "nps_reason \"Hinta\" pekka"])
    }

    @Test func onTheCardTheFirstAgentsOutcomeIsRefusedAndNothingOfTheSecondsIsOverwritten() throws {
        let db = store.db
        #expect(try claim(liisa, at: Self.now)?.contact.id == 1)
        #expect(try claim(pekka, at: Self.now + 61)?.contact.id == 1)
        try db.recordCall(contactID: 1, holder: pekka, startedAt: Self.now + 61, result: CallResult(outcome: .callBack,
                          note: "iltapäivällä", callbackAt: Self.now + 7200), now: Self.now + 70)
        let before = try everything()
        // Pekka worked the contact and gave it back: nobody holds it now.
        #expect(throws: StoreError.leaseLost(contactID: 1, takenBy: nil)) {
            try db.recordCall(contactID: 1, holder: liisa, startedAt: Self.now, result: CallResult(outcome: .neverCallAgain),
                              now: Self.now + 80)
        }
        #expect(throws: StoreError.leaseLost(contactID: 1, takenBy: nil)) {
            try db.startInterview(contactID: 1, holder: liisa, language: "fi", callStartedAt: Self.now, now: Self.now + 80)
        }
        #expect(try everything() == before)
        let contact = try db.read { try Contact.fetchOne($0, key: 1) }!
        #expect(contact.appointmentAgent == "pekka" && contact.attempts == 1)
        #expect(try db.doNotCallEntries().isEmpty)
    }

    /// The same agent name in another console (a second terminal) that took the contact after the
    /// lease ran out holds it now: the first console of that name can no longer write to it.
    @Test func anotherConsoleOfTheSameAgentTakesTheLeaseForGood() throws {
        let db = store.db
        #expect(try claim(liisa, at: Self.now)?.contact.id == 1)
        var second = ContactQueue(store: db, campaignID: "c", agent: "liisa")
        second.session = "host:300:1"
        #expect(try second.reclaimInterrupted(now: Self.now + 61, isGone: { _ in false })?.contact.id == 1)
        #expect(throws: StoreError.leaseLost(contactID: 1, takenBy: "liisa")) {
            try db.recordCall(contactID: 1, holder: liisa, startedAt: Self.now, result: CallResult(outcome: .busy), now: Self.now + 62)
        }
        #expect(try !db.renewLease(contactID: 1, holder: liisa, until: Self.now + 200))
        try db.recordCall(contactID: 1, holder: second.holder, startedAt: Self.now + 61, result: CallResult(outcome: .busy),
                          now: Self.now + 63)
    }

    /// A lease that ran out but that nobody took is still its holder's: the console goes on and renews it.
    @Test func anExpiredLeaseNobodyTookIsStillTheHolders() throws {
        let db = store.db
        #expect(try claim(liisa, at: Self.now)?.contact.id == 1)
        let (interview, _) = try db.startInterview(contactID: 1, holder: liisa, language: "fi", callStartedAt: Self.now,
                                                   now: Self.now + 100)
        try db.saveAnswer(interviewID: interview.id!, contactID: 1, questionID: "nps", answer: .answer(.number(9)),
                          holder: liisa, alerts: [], leaseUntil: Self.now + 160, now: Self.now + 100)
        #expect(try db.read { try Contact.fetchOne($0, key: 1) }?.leaseUntil == Self.now + 160)
        #expect(try db.renewLease(contactID: 1, holder: liisa, until: Self.now + 300))
        // Pekka finds it held again.
        #expect(try claim(pekka, at: Self.now + 200)?.contact.id == 2)
    }
}
