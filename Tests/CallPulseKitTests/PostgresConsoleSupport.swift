import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Synchronization
import Testing

/// Shared steps of the end-to-end tests that run consoles on a PostgreSQL database: set up a
/// campaign through the binary, drive a console in a terminal through an outage, and read back
/// what the server holds.
enum PostgresConsoleSupport {
    /// Lines for one interview that ends complete: answered, a passive NPS with a reason, CES and
    /// CSAT high enough that the consent question is not asked.
    static let interview = ["a", "8", "Ihan hyvä", "4", "4"]

    /// A campaign `c` that may call at any hour with `contacts` contacts, created and loaded through
    /// the binary on `db`.
    static func setUp(contacts: Int, db: String, in dir: TemporaryDirectory) throws {
        let load = try ConsoleEndToEndTests.createAndLoad(contacts: contacts, db: db, in: dir)
        #expect(try count(db, "SELECT count(*) FROM contact") == contacts, "\(load.stdout)")
    }

    /// The single number `sql` selects on `db`.
    static func count(_ db: String, _ sql: String) throws -> Int {
        try PGConnection(db).execute(sql).scalar(Int.self) ?? 0
    }

    /// Every (contact, question) with an answer row, as `KillEndToEndTests.shownAsSaved` names them.
    static func storedAnswers(_ db: String) throws -> Set<String> {
        let rows = try PGConnection(db).execute("SELECT i.contactId, a.questionId FROM answer a JOIN interview i ON i.id = a.interviewId").rows
        return Set(try rows.map { "\(try $0.value(at: 0, as: Int64.self))/\(try $0.value(at: 1, as: String.self))" })
    }

    /// The (contact, question) pairs with more than one answer row, and the contacts with more than
    /// one interview or more than one call: what "saved twice" or "served twice" would leave.
    static func doubles(_ db: String) throws -> (answers: Int, interviews: Int, calls: Int) {
        (try count(db, """
            SELECT count(*) FROM (SELECT i.contactId, a.questionId FROM answer a JOIN interview i ON i.id = a.interviewId
                                  GROUP BY 1, 2 HAVING count(*) > 1) d
            """),
         try count(db, "SELECT count(*) FROM (SELECT contactId FROM interview GROUP BY 1 HAVING count(*) > 1) d"),
         try count(db, "SELECT count(*) FROM (SELECT contactId FROM call GROUP BY 1 HAVING count(*) > 1) d"))
    }

    /// Checks a shift of consoles that each did `interviews` complete interviews through a fault:
    /// each ended normally, every answer shown as saved is on `db`, nothing is there twice.
    /// Returns the answers the consoles showed as saved.
    @discardableResult
    static func checkShift(of consoles: [ConsoleProcess], interviews: Int, db: String) throws -> Set<String> {
        var shown: Set<String> = []
        for console in consoles {
            let transcript = plain(console.transcript)
            #expect(transcript.contains("Session ended: \(interviews) calls, \(interviews) completes"), "\(transcript.suffix(800))")
            shown.formUnion(KillEndToEndTests.shownAsSaved(transcript))
        }
        #expect(shown.count == consoles.count * interviews * (interview.count - 1)) // every line but "a" is an answer
        let stored = try storedAnswers(db)
        #expect(shown.subtracting(stored).isEmpty, "acknowledged, not on the server: \(shown.subtracting(stored).sorted().prefix(5))")
        let doubles = try doubles(db)
        #expect(doubles.answers == 0 && doubles.interviews == 0 && doubles.calls == 0, "\(doubles)")
        #expect(try count(db, "SELECT count(*) FROM interview WHERE status = 'complete'") == consoles.count * interviews)
        return shown
    }

    /// Starts one driver thread per console that types `lines` into it at an agent's pace (0.15 s
    /// between lines, so an outage falls mid-interview), pressing Enter again while a save fails.
    /// Returns the threads, started, and the count of retries so far.
    @discardableResult
    static func work(_ consoles: [ConsoleProcess], lines: [String]) -> (threads: [Thread], retries: Tally) {
        let retries = Tally()
        let threads = consoles.map { console in
            Thread {
                console.waitFor("outcome > ")
                for line in lines {
                    Thread.sleep(forTimeInterval: 0.15)
                    let count = type([line], into: console, timeout: 120)
                    retries.add(count)
                }
            }
        }
        threads.forEach { $0.start() }
        return (threads, retries)
    }

    /// A count several threads add to.
    final class Tally: Sendable {
        private let count = Mutex(0)
        func add(_ amount: Int) { count.withLock { $0 += amount } }
        var total: Int { count.withLock { $0 } }
    }

    /// Types `lines` into a console in a terminal one at a time, each once the console has asked
    /// for it, pressing Enter again (as an agent would, every `retryEvery` seconds) while it says
    /// the server cannot be reached. Returns how many times it had to retry; stops early when the
    /// console ends.
    @discardableResult
    static func type(_ lines: [String], into console: ConsoleProcess, retryEvery: TimeInterval = 1,
                     timeout: TimeInterval = 90) -> Int {
        var retries = 0
        let deadline = Date().addingTimeInterval(timeout)
        for line in lines {
            var prompts = console.transcript.components(separatedBy: promptMark).count
            var asked = console.transcript.components(separatedBy: retryMark).count
            console.send(line)
            while Date() < deadline, console.process.isRunning {
                let transcript = console.transcript
                if transcript.components(separatedBy: retryMark).count > asked {
                    // The save failed and the console waits at "retry >": Enter again, a little later.
                    retries += 1
                    asked += 1
                    prompts = transcript.components(separatedBy: promptMark).count
                    Thread.sleep(forTimeInterval: retryEvery)
                    console.send("")
                } else if transcript.components(separatedBy: promptMark).count > prompts {
                    break
                } else {
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
        }
        return retries
    }

    /// A terminal transcript as lines of plain text: without carriage returns and readline's
    /// bracketed-paste switches, so `KillEndToEndTests.shownAsSaved` reads it as it reads a pipe's.
    static func plain(_ transcript: String) -> String {
        transcript.replacingOccurrences(of: "\u{1B}[?2004h", with: "").replacingOccurrences(of: "\u{1B}[?2004l", with: "")
            .replacingOccurrences(of: "\r", with: "")
    }

    /// How the console asks for the next line, and how it asks to try a failed save again.
    static let promptMark = "> "
    static let retryMark = "retry > "
}
