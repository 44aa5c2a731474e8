import CallPulseDomain
import CallPulsePostgres
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing

/// A console's write sent again after its COMMIT reached the server but the answer did not (the
/// connection broke in between, so the console said the server was unreachable and the agent
/// pressed Enter): the second sending finds the first one's trace and writes nothing twice. Each
/// test makes the same call twice, as `Console.persist` would after such a break.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresResendTests {
    let store: PostgresStore
    let sql: PGConnection
    let holder = LeaseHolder(agent: "liisa", session: "s1")
    let now: Int64 = 1_780_000_000

    init() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        store = try PostgresStore.open(conninfo)
        sql = try PGConnection(conninfo)
        try sql.execute("""
            INSERT INTO campaign (id, client, title, scriptId, scriptFile, scriptYAML, maxAttempts, timeZone, quarantineDays, createdAt)
            VALUES ('c', 'Testi Oy', 'title', 's', 's.yaml', 'x', 5, 'Europe/Helsinki', 30, 0)
            """)
        try sql.execute("""
            INSERT INTO contact (id, campaignId, phone, fields, status, attempts, leaseAgent, leaseSession, leaseUntil)
            VALUES (1, 'c', '+358401000001', '{}', 'new', 0, 'liisa', 's1', \(now + 600))
            """)
    }

    func count(_ query: String) throws -> Int { try sql.execute(query).scalar(Int.self) ?? -1 }

    @Test func aCallRecordedTwiceIsOneCallAndOneAttempt() throws {
        let result = CallResult(outcome: .noAnswer, note: "ei vastaa")
        let first = try store.recordCall(contactID: 1, holder: holder, startedAt: now - 30, result: result, now: now)
        let again = try store.recordCall(contactID: 1, holder: holder, startedAt: now - 30, result: result, now: now + 5)
        #expect(again.attempts == 1 && again.nextCallAt == first.nextCallAt && again.status == first.status)
        #expect(try count("SELECT count(*) FROM call") == 1)
        #expect(try count("SELECT count(*) FROM note") == 1)
        #expect(try count("SELECT attempts FROM contact WHERE id = 1") == 1)
        // Another call of the same contact is not mistaken for the first one sent again.
        #expect(throws: StoreError.leaseLost(contactID: 1, takenBy: nil)) {
            try store.recordCall(contactID: 1, holder: holder, startedAt: now + 10, result: result, now: now + 20)
        }
    }

    @Test func anInterviewStartedCompletedAndNotedTwiceIsWrittenOnce() throws {
        let (interview, callID) = try store.startInterview(contactID: 1, holder: holder, language: "fi",
                                                           callStartedAt: now - 5, now: now)
        let (again, againCall) = try store.startInterview(contactID: 1, holder: holder, language: "fi",
                                                          callStartedAt: now - 5, now: now + 1)
        #expect(again.id == interview.id && againCall == callID)
        #expect(try count("SELECT count(*) FROM call") == 1)
        #expect(try count("SELECT attempts FROM contact WHERE id = 1") == 1)

        let interviewID = try #require(interview.id)
        try store.addNote(contactID: 1, interviewID: interviewID, holder: holder, text: "soita iltaisin", now: now + 2)
        try store.addNote(contactID: 1, interviewID: interviewID, holder: holder, text: "soita iltaisin", now: now + 3)
        #expect(try count("SELECT count(*) FROM note") == 1)

        try store.completeInterview(interviewID: interviewID, callID: callID, contactID: 1, holder: holder, now: now + 60)
        try store.completeInterview(interviewID: interviewID, callID: callID, contactID: 1, holder: holder, now: now + 65)
        #expect(try count("SELECT count(*) FROM interview WHERE status = 'complete'") == 1)
        #expect(try sql.execute("SELECT endedAt FROM call").scalar(Int64.self) == now + 60)
        // The same ending with another code is not the one sent again.
        #expect(throws: StoreError.leaseLost(contactID: 1, takenBy: nil)) {
            try store.endInterview(interviewID: interviewID, callID: callID, contactID: 1, holder: holder,
                                   disposition: "2.11", now: now + 70)
        }
    }

    @Test func aBreakOffSentTwiceIsOneBreakOff() throws {
        let (interview, callID) = try store.startInterview(contactID: 1, holder: holder, language: "fi",
                                                           callStartedAt: now - 5, now: now)
        let interviewID = try #require(interview.id)
        try store.breakOffInterview(interviewID: interviewID, callID: callID, contactID: 1, holder: holder,
                                    callbackAt: now + 3600, answeredShare: 0.2, now: now + 30)
        let scheduled = try sql.execute("SELECT nextCallAt FROM contact WHERE id = 1").scalar(Int64.self)
        try store.breakOffInterview(interviewID: interviewID, callID: callID, contactID: 1, holder: holder,
                                    callbackAt: now + 3600, answeredShare: 0.2, now: now + 35)
        #expect(try sql.execute("SELECT nextCallAt FROM contact WHERE id = 1").scalar(Int64.self) == scheduled)
        #expect(try sql.execute("SELECT endedAt FROM call").scalar(Int64.self) == now + 30)
        #expect(try count("SELECT count(*) FROM call") == 1)
    }
}
