import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Plays back lines like `ScriptedLineReader`, and runs `meanwhile` just before it gives line
/// number `before` (from 1): what another console does while this one waits for the agent.
final class MeanwhileLineReader: LineReader {
    private let scripted: ScriptedLineReader
    private let before: Int
    private let meanwhile: () throws -> Void
    private var read = 0
    var completions: [String] = []
    var idle: (() -> Void)?

    init(_ lines: [String], output: ConsoleOutput, before: Int, meanwhile: @escaping () throws -> Void) {
        scripted = ScriptedLineReader(lines: lines, output: output)
        self.before = before
        self.meanwhile = meanwhile
    }

    func readLine(prompt: String) -> LineInput {
        read += 1
        if read == before { try! meanwhile() }
        return scripted.readLine(prompt: prompt)
    }

    func addToHistory(_ line: String) {}
}

/// The console when the lease of the contact it is on passed to another console meanwhile.
@Suite struct ConsoleLeaseTests {
    let store: TestStore
    let clock = TestClock(ConsoleTests.mondayMorning)

    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c")
        try store.db.importTestList("phone\n040 111 1111\n050 222 2222\n", in: store.dir, now: clock.now)
    }

    func run(_ lines: [String], before: Int, meanwhile: @escaping () throws -> Void) throws -> String {
        let output = ConsoleOutput.recording()
        let clock = self.clock
        let console = try Console(database: store.db, campaignID: "c", agent: "liisa",
                                  reader: MeanwhileLineReader(lines, output: output, before: before, meanwhile: meanwhile),
                                  output: output, interactive: false, session: "host:1:1", clock: { clock.now })
        try console.run()
        return output.transcript
    }

    /// A second console under the same agent name took the contact after the lease ran out: the
    /// first one's note is refused, and it goes on with the next contact.
    @Test func aCommandAfterAnotherConsoleOfTheSameAgentTookTheContact() throws {
        let (db, clock) = (store.db, clock)
        let transcript = try run(["a", "6", "/note soita myöhemmin", "n"], before: 3) {
            clock.now += 200
            var other = ContactQueue(store: db, campaignID: "c", agent: "liisa")
            other.session = "host:2:1"
            let back = try other.reclaimInterrupted(now: clock.now, isGone: { _ in false })
            #expect(back?.contact.id == 1)
        }
        #expect(transcript.contains("✗ Contact #1 is no longer yours: your lease on it ran out (this console was not heard "
                                    + "from for more than 120 seconds) and another console of yours (agent liisa) took it."),
                "\(transcript)")
        #expect(transcript.contains("The command you typed was not saved: '/note soita myöhemmin'"))
        #expect(transcript.contains("The interview keeps the 1 answer saved before"))
        #expect(transcript.contains("✓ no answer"))
        #expect(transcript.contains("Session ended: 2 calls"))
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM note") } == 0)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT leaseSession FROM contact WHERE id = 1") } == "host:2:1")
    }

    /// A call-back time asked for after the key: the time typed is shown with the refused outcome.
    @Test func aCallBackAfterAnotherAgentTookTheContact() throws {
        let (db, clock) = (store.db, clock)
        let transcript = try run(["c", "+2h", "q"], before: 2) {
            clock.now += 200
            var pekka = ContactQueue(store: db, campaignID: "c", agent: "pekka")
            guard case let .claimed(taken) = try pekka.claimNext(now: clock.now) else { throw StoreError.contactNotFound(1) }
            #expect(taken.contact.id == 1)
        }
        #expect(transcript.contains("and agent pekka took it."), "\(transcript)")
        #expect(transcript.contains("The outcome you typed was not saved: 'c 2026-11-23"), "\(transcript)")
        #expect(transcript.contains("Contact #2"))
        #expect(transcript.contains("Session ended: 0 calls"))
        #expect(try db.read { try CallRecord.fetchCount($0) } == 0)
        #expect(try db.read { try Contact.fetchOne($0, key: 1) }?.leaseAgent == "pekka")
    }
}
