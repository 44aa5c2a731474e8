import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Two real consoles on one contact: the first one's lease runs out (with piped input nothing
/// renews it, as with a suspended laptop), the second takes the contact; the first one's next
/// write is refused with a plain message, it goes on to the next contact, and nothing of the
/// second one's is overwritten.
@Suite(.serialized) struct LeaseEndToEndTests {
    /// A console on a terminal renews a short lease while the agent reads the card: a 3 s lease
    /// is renewed about every second (it was every 20 s, so the contact went to the next agent).
    @Test func aLiveTerminalConsoleKeepsAShortLease() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let liisa = try ConsoleProcess.inTerminal("agent c --agent liisa --lease 3 --db '\(db)'")
        defer { liisa.kill() }
        #expect(liisa.waitFor("outcome >"), "\(liisa.transcript)")
        Thread.sleep(forTimeInterval: 7) // more than twice the lease, the agent reading the card
        let pekka = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", db], stdin: "n\n")
        #expect(pekka.status == 0, "\(pekka.stderr)")
        #expect(!pekka.stdout.contains("Contact #1"), "\(pekka.stdout)")
        liisa.send("n")
        #expect(liisa.waitFor("✓ no answer"), "\(liisa.transcript)")
    }

    @Test func midInterviewTheFirstConsolesAnswerIsRefused() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let liisa = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--lease", "1", "--db", db])
        liisa.send("a")
        liisa.send("6")
        #expect(liisa.waitFor("✓ saved"))
        Thread.sleep(forTimeInterval: 2.1) // Liisa's lease (1 s, whole seconds) runs out

        let pekka = try ConsoleProcess(["agent", "c", "--agent", "pekka", "--db", db])
        pekka.send("a")
        pekka.send("Hinta")
        #expect(pekka.waitFor("✓ saved"), "\(pekka.transcript)")
        #expect(pekka.transcript.contains("Resuming the interview"))

        liisa.send("Liian kallis")
        liisa.closeInput()
        liisa.wait()
        #expect(liisa.process.terminationStatus == 0, "\(liisa.transcript)")
        let told = liisa.transcript
        #expect(told.contains("✗ Contact #1 is no longer yours: your lease on it ran out"), "\(told)")
        #expect(told.contains("and agent pekka took it."))
        #expect(told.contains("The answer you typed was not saved: 'Liian kallis'"), "\(told)")
        #expect(told.contains("The interview keeps the 1 answer saved before; nothing the other console saved was changed."))
        #expect(told.contains("Going on to the next contact."))
        #expect(told.contains("Session ended: 1 call, 0 completes"), "\(told)")

        pekka.send("3")
        pekka.send("4")
        pekka.send("k")
        #expect(pekka.waitFor("✓ Interview complete (AAPOR 1.1)"), "\(pekka.transcript)")
        pekka.closeInput()
        pekka.wait()

        let store = try AppDatabase.open(path: db)
        let answers = try store.read { try AnswerRecord.order(Column("id")).fetchAll($0) }
        #expect(answers.first { $0.questionId == "nps" }.map { "\($0.value ?? "") \($0.agent)" } == "6 liisa")
        #expect(answers.first { $0.questionId == "nps_reason" }.map { "\($0.value ?? "") \($0.agent)" } == "\"Hinta\" pekka")
        #expect(answers.filter { $0.agent == "liisa" }.count == 1)
        let calls = try store.read { try CallRecord.order(Column("id")).fetchAll($0) }
        #expect(calls.map { "\($0.agent) \($0.aapor ?? "open")" } == ["liisa 2.12", "pekka 1.1"])
        #expect(try store.read { try InterviewRecord.fetchAll($0) }.map(\.status) == [.complete])
    }

    @Test func onTheCardTheFirstConsolesOutcomeIsRefused() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let liisa = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--lease", "1", "--db", db])
        #expect(liisa.waitFor("outcome > "))
        Thread.sleep(forTimeInterval: 2.1) // Liisa's lease (1 s, whole seconds) runs out

        // Pekka takes contact #1 and makes an appointment: the contact is nobody's now.
        let pekka = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", db], stdin: "c +2h\nq\n")
        #expect(pekka.status == 0, "\(pekka.stderr)")
        #expect(pekka.stdout.contains("Contact #1"), "\(pekka.stdout)")

        liisa.send("d Ei enää soittoja")
        liisa.send("y")
        #expect(liisa.waitFor("Contact #2"), "\(liisa.transcript)")
        liisa.send("n")
        liisa.closeInput()
        liisa.wait()
        #expect(liisa.process.terminationStatus == 0, "\(liisa.transcript)")
        let told = liisa.transcript
        #expect(told.contains("✗ Contact #1 is no longer yours"), "\(told)")
        #expect(told.contains("and another agent took it and has worked it since."))
        #expect(told.contains("The outcome you typed was not saved: 'd Ei enää soittoja'"), "\(told)")
        #expect(told.contains("✓ no answer"), "\(told)")

        let store = try AppDatabase.open(path: db)
        let calls = try store.read { try CallRecord.order(Column("id")).fetchAll($0) }
        #expect(calls.map { "\($0.contactId) \($0.agent) \($0.outcome?.rawValue ?? "")" } == ["1 pekka callBack", "2 liisa noAnswer"])
        #expect(try store.doNotCallEntries().isEmpty)
        let first = try store.read { try Contact.fetchOne($0, key: 1) }!
        #expect(first.status == .scheduled && first.appointmentAgent == "pekka" && first.attempts == 1)
    }
}
