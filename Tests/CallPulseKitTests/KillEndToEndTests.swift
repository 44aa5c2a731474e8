import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Consoles killed with SIGKILL at random moments of real interviews: every answer the agent saw
/// as saved is in the file, the file is intact, and the interviews resume and finish.
///
/// The suite kills 20 consoles; `CALLPULSE_KILLS=100 swift test --filter KillEndToEndTests` runs
/// the full hundred. `CALLPULSE_KILL_SEED=N` repeats a run (the seed is in every failure message).
@Suite(.serialized) struct KillEndToEndTests {
    static let kills = ProcessInfo.processInfo.environment["CALLPULSE_KILLS"].flatMap(Int.init) ?? 20

    /// Lines an agent types for one contact: answered, then an answer that fits each question of the
    /// script in turn. Out of step (after a resume) a line is refused and the next one fits.
    static let interviewLines = ["a", "2", "Jonotus kesti", "3", "4", "k"]

    /// The (contact, question) pairs a transcript showed as saved.
    static func shownAsSaved(_ transcript: String) -> Set<String> {
        var saved: Set<String> = []
        var contact = "", question = ""
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Contact #") {
                contact = String(line.dropFirst("Contact #".count).prefix { $0.isNumber })
            } else if let match = line.firstMatch(of: /^\d+ \/ \d+  (\w+)/) {
                question = String(match.1)
            } else if line.hasPrefix("  ✓ saved ") {
                saved.insert("\(contact)/\(question)")
            }
        }
        return saved
    }

    @Test func killedConsolesLoseNoSavedAnswer() throws {
        let seed = ProcessInfo.processInfo.environment["CALLPULSE_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(seed: seed)
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: Self.kills / 2 + 5, in: dir)
        let store = try AppDatabase.open(path: db)
        var shown: Set<String> = []
        var resumed = 0

        for kill in 0..<Self.kills {
            let console = try ConsoleProcess(["agent", "c", "--agent", "k\(kill)", "--lease", "1", "--db", db])
            // The card first: on a loaded machine a console can take longer to start than the typing
            // and the kill below, and a console killed before its first card tests nothing.
            #expect(console.waitFor("Contact #"), "seed \(seed), kill \(kill): no contact card\n\(console.transcript)")
            // Type a random number of lines at a human-ish but quick pace, then die at a random moment:
            // between lines, while an answer is being written, or while the next question is shown.
            let lines = Int.random(in: 1...9, using: &random)
            for index in 0..<lines {
                console.send(Self.interviewLines[index % Self.interviewLines.count])
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.04, using: &random))
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.05, using: &random))
            console.kill()
            if console.transcript.contains("Resuming the interview") { resumed += 1 }
            shown.formUnion(Self.shownAsSaved(console.transcript))

            let stored = try Self.storedAnswers(store)
            let missing = Self.shownAsSaved(console.transcript).subtracting(stored)
            #expect(missing.isEmpty, "seed \(seed), kill \(kill): shown as saved but not in the file: \(missing)")
            let integrity = try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok", "seed \(seed), kill \(kill)")
        }

        // The leases of the killed consoles run out (1 s, whole seconds); one agent finishes everything.
        Thread.sleep(forTimeInterval: 2.1)
        let contacts = Self.kills / 2 + 5
        let finish = try CallPulseBinary.run(["agent", "c", "--agent", "finisher", "--db", db],
                                             stdin: Array(repeating: Self.interviewLines, count: contacts * 2).joined().joined(separator: "\n") + "\n")
        #expect(finish.status == 0, "seed \(seed): \(finish.stderr)")
        if finish.stdout.contains("Resuming the interview") { resumed += 1 }
        #expect(resumed > 0, "seed \(seed): no killed interview was resumed")

        let stored = try Self.storedAnswers(store)
        #expect(shown.subtracting(stored).isEmpty, "seed \(seed)")
        let (open, perContact, finished) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM interview WHERE status = 'active'")!,
             try Int.fetchOne(db, sql: "SELECT max(n) FROM (SELECT count(*) AS n FROM interview GROUP BY contactId)") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE status = 'done'")!)
        }
        #expect(open == 0, "seed \(seed): interviews left unfinished\n\(finish.stdout.suffix(800))")
        #expect(perContact <= 1, "seed \(seed): a resumed interview was started again instead")
        #expect(finished == contacts, "seed \(seed)")
    }

    /// Every (contact, question) with an answer row.
    static func storedAnswers(_ store: AppDatabase) throws -> Set<String> {
        try store.read { db in
            Set(try Row.fetchAll(db, sql: """
                SELECT i.contactId, a.questionId FROM answer a JOIN interview i ON i.id = a.interviewId
                """).map { "\($0[0] as Int64)/\($0[1] as String)" })
        }
    }
}
