import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Which leased contact an agent's new console takes back, and how a dead console is recognised.
@Suite struct InterruptedContactTests {
    static let now = LocalTime.at("2026-11-23 10:00")

    let store: TestStore

    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c")
        try store.db.importTestList("phone\n040 111 1111\n050 222 2222\n", in: store.dir, now: Self.now)
    }

    func queue(_ agent: String, session: String) -> ContactQueue {
        var queue = ContactQueue(store: store.db, campaignID: "c", agent: agent)
        queue.session = session
        return queue
    }

    @Test func aLiveConsolesContactIsNotTakenButAGoneOnesIs() throws {
        var first = queue("liisa", session: "old")
        guard case let .claimed(held) = try first.claimNext(now: Self.now) else { Issue.record("nothing claimed"); return }
        let second = queue("liisa", session: "new")
        #expect(try second.reclaimInterrupted(now: Self.now + 10, isGone: { _ in false }) == nil)
        #expect(try queue("pekka", session: "other").reclaimInterrupted(now: Self.now + 10, isGone: { _ in true }) == nil)
        let back = try second.reclaimInterrupted(now: Self.now + 10, isGone: { $0 == "old" })
        #expect(back?.contact.id == held.contact.id && back?.reason == .interrupted)
        let contact = try store.db.read { try Contact.fetchOne($0, key: held.contact.id!) }!
        #expect(contact.leaseAgent == "liisa" && contact.leaseUntil == Self.now + 10 + 120)
        // Now the new console holds it: a third console sees a live holder.
        #expect(try queue("liisa", session: "third").reclaimInterrupted(now: Self.now + 20, isGone: { $0 == "old" }) == nil)
    }

    @Test func anExpiredLeaseOfTheAgentComesBackWhateverTheSession() throws {
        var first = queue("liisa", session: "elsewhere")
        guard case .claimed = try first.claimNext(now: Self.now) else { Issue.record("nothing claimed"); return }
        let later = queue("liisa", session: "new")
        #expect(try later.reclaimInterrupted(now: Self.now + 60, isGone: { _ in false }) == nil)
        #expect(try later.reclaimInterrupted(now: Self.now + 120, isGone: { _ in false })?.contact.id == 1)
    }

    @Test func theOpenCallIsClosedAtItsLastAnswerWithTheInterviewsCode() throws {
        var first = queue("liisa", session: "old")
        guard case .claimed = try first.claimNext(now: Self.now) else { Issue.record("nothing claimed"); return }
        let (interview, callID) = try store.db.startInterview(contactID: 1, holder: first.holder, language: "fi",
                                                             callStartedAt: Self.now, now: Self.now + 5)
        try store.db.saveAnswer(interviewID: interview.id!, contactID: 1, questionID: "nps", answer: .answer(.number(9)),
                                holder: first.holder, alerts: [], leaseUntil: Self.now + 200, now: Self.now + 40)
        let back = try queue("liisa", session: "new").reclaimInterrupted(now: Self.now + 60, isGone: { _ in true })
        #expect(back?.interruptedCall?.id == callID)
        try store.db.closeInterruptedCall(callID: callID, contactID: 1, holder: LeaseHolder(agent: "liisa", session: "new"),
                                          code: "2.12")
        let call = try store.db.read { try CallRecord.fetchOne($0, key: callID) }!
        #expect(call.endedAt == Self.now + 40 && call.aapor == "2.12")
        let closed = try store.db.read { try InterviewRecord.fetchOne($0, key: interview.id!) }!
        #expect(closed.status == .brokenOff && closed.disposition == "2.12" && closed.endedAt == Self.now + 40)
        // Closing again changes nothing.
        try store.db.closeInterruptedCall(callID: callID, contactID: 1, holder: LeaseHolder(agent: "liisa", session: "new"),
                                          code: "1.2")
        #expect(try store.db.read { try CallRecord.fetchOne($0, key: callID) }?.aapor == "2.12")
    }

    @Test func aSessionIsGoneOnlyWhenItsProcessIsNotRunning() throws {
        #expect(!ConsoleSession.isGone(ConsoleSession.current))
        #expect(!ConsoleSession.isGone(nil))
        #expect(!ConsoleSession.isGone("another-host.example:1:1"))
        let parts = ConsoleSession.current.split(separator: ":").map(String.init)
        let host = parts.dropLast(2).joined(separator: ":")
        // This process under another start time: its pid was reused by a new process.
        #expect(ConsoleSession.isGone("\(host):\(getpid()):1"))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        #expect(ConsoleSession.isGone("\(host):\(child.processIdentifier):1"))
    }
}
