import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The contact card and interrupted sessions through the built binary with piped input.
@Suite(.serialized) struct CardEndToEndTests {
    @Test func pipedOutcomeLinesAreReadWhole() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "dial later\nc +2h\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✗ 'dial later' is not an outcome"), "\(result.stdout)")
        let store = try AppDatabase.open(path: db)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM doNotCall") } == 0)
        let calls = try store.read { try CallRecord.fetchAll($0) }
        #expect(calls.count == 1)
        #expect(calls.first?.outcome == .callBack && calls.first?.note == nil)
        #expect(calls.first.map { ($0.callbackAt ?? 0) - $0.startedAt }.map { (7190...7210).contains($0) } == true)
    }

    @Test func pipedCallbackFarAheadNeedsConfirmation() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let later = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(100 * 86_400))
        let date = String(format: "%04d-%02d-%02d", later.year!, later.month!, later.day!)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: "a\n/callback \(date) 12:00\nn\n/callback \(date) 12:00\ny\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("days ahead (more than 60)"), "\(result.stdout)")
        #expect(result.stdout.contains("Not kept."))
        let store = try AppDatabase.open(path: db)
        let calls = try store.read { try CallRecord.fetchAll($0) }
        #expect(calls.count == 1 && calls.first?.callbackAt != nil)
        #expect(try store.read { try InterviewRecord.fetchOne($0) }?.status == .brokenOff)
    }

    /// A console killed mid-interview: the same agent starting again gets that contact first, the
    /// interview resumes where it stopped, and the dead console's call row is closed.
    @Test func theSameAgentGetsTheInterruptedInterviewBackFirst() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let console = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--db", db])
        console.send("a")
        console.send("6")
        #expect(console.waitFor("✓ saved"))
        console.kill() // the default 120 s lease is still running

        let again = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "\nHinta\n5\n5\nk\nq\n")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Your interrupted contact #1 comes back first"), "\(again.stdout)")
        #expect(again.stdout.contains("Contact #1  ·  interrupted, back to you"))
        #expect(again.stdout.contains("it is closed as AAPOR 2.12"))
        #expect(again.stdout.contains("Resuming the interview. Answers so far:"))
        #expect(again.stdout.contains("✓ Interview complete (AAPOR 1.1): 5 answers saved."))

        let store = try AppDatabase.open(path: db)
        let calls = try store.read { try CallRecord.order(Column("id")).fetchAll($0) }
        #expect(calls.count == 2)
        #expect(calls.allSatisfy { $0.contactId == 1 && $0.endedAt != nil })
        #expect(calls.map(\.aapor) == ["2.12", "1.1"])
        let interviews = try store.read { try InterviewRecord.fetchAll($0) }
        #expect(interviews.count == 1 && interviews.first?.status == .complete)
        let second = try store.read { try Contact.fetchOne($0, key: 2) }!
        #expect(second.attempts == 0 && second.leaseAgent == nil)
    }

    /// The customer is gone when the interrupted contact comes back: the agent keys what the new
    /// attempt gave instead of being held in the interview, and the saved answers wait for the next call.
    @Test func anInterruptedContactWhoseCustomerIsGoneIsCodedByKey() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let console = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--db", db])
        console.send("a")
        console.send("6")
        #expect(console.waitFor("✓ saved"))
        console.kill()

        let again = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "n\nq\n")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Enter (or a) resumes it where it stopped"), "\(again.stdout)")
        #expect(!again.stdout.contains("Resuming the interview"))
        #expect(again.stdout.contains("✓ no answer"))
        let store = try AppDatabase.open(path: db)
        let calls = try store.read { try CallRecord.order(Column("id")).fetchAll($0) }
        #expect(calls.map(\.aapor) == ["2.12", "3.13"])
        let interview = try store.read { try InterviewRecord.fetchOne($0) }
        #expect(interview?.status == .brokenOff) // its answer is kept for the next call
    }

    /// A second console of the same agent name while the first is alive leaves the first's contact alone.
    @Test func aLiveConsoleOfTheSameAgentKeepsItsContact() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let first = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--db", db])
        #expect(first.waitFor("Contact #1"))
        let second = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "n\n")
        #expect(!second.stdout.contains("interrupted"), "\(second.stdout)")
        #expect(second.stdout.contains("Contact #2"))
        #expect(!second.stdout.contains("Contact #1"))
        first.send("b")
        #expect(first.waitFor("✓ busy"))
        first.closeInput()
        first.wait()
        let calls = try AppDatabase.open(path: db).read { try CallRecord.order(Column("id")).fetchAll($0) }
        #expect(calls.map(\.contactId) == [2, 1])
    }

    /// Another agent taking the contact after the dead console's lease ran out closes its call too.
    @Test func anotherAgentReclaimingTheLeaseClosesTheOpenCall() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let console = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--lease", "1", "--db", db])
        console.send("a")
        console.send("9")
        console.send("Nopea")
        console.send("5")
        #expect(console.waitFor("✓ saved", count: 3))
        console.kill()
        Thread.sleep(forTimeInterval: 2.1) // the dead console's lease (1 s, whole seconds) runs out
        let other = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", db], stdin: "q\n")
        #expect(other.stdout.contains("it is closed as AAPOR 1.2"), "\(other.stdout)")
        let store = try AppDatabase.open(path: db)
        let call = try store.read { try CallRecord.fetchOne($0) }!
        #expect(call.endedAt != nil && call.aapor == "1.2")
        #expect(try store.read { try InterviewRecord.fetchOne($0) }?.status == .brokenOff)
    }
}
