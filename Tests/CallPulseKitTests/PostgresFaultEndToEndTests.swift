import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// Consoles on PostgreSQL when things go wrong: killed at random moments, the server restarted
/// mid-interview, the server away for 20 s under sixteen consoles. Each time, every answer a
/// console showed as saved is on the server, and nothing is saved or served twice.
///
/// The restart and the stop run on a private server of their own, so they never cut the
/// connections of tests running beside them on the shared one.
@Suite(.serialized, .enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresFaultEndToEndTests {
    static let kills = ProcessInfo.processInfo.environment["CALLPULSE_KILLS"].flatMap(Int.init) ?? 12

    @Test func killedConsolesLoseNoSavedAnswer() throws {
        let seed = ProcessInfo.processInfo.environment["CALLPULSE_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(seed: seed)
        let dir = try TemporaryDirectory()
        let db = try PostgresTestServer.makeDatabase()
        let contacts = Self.kills / 2 + 5
        try PostgresConsoleSupport.setUp(contacts: contacts, db: db, in: dir)
        var shown: Set<String> = []
        var resumed = 0
        for kill in 0..<Self.kills {
            let console = try ConsoleProcess(["agent", "c", "--agent", "k\(kill)", "--lease", "1", "--db", db])
            if kill == 0 {
                // One death surely mid-interview, however slowly a loaded machine starts consoles.
                console.send("a")
                console.send("2")
                console.waitFor("✓ saved")
            } else {
                for index in 0..<Int.random(in: 1...9, using: &random) {
                    console.send(KillEndToEndTests.interviewLines[index % KillEndToEndTests.interviewLines.count])
                    Thread.sleep(forTimeInterval: Double.random(in: 0...0.04, using: &random))
                }
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.05, using: &random))
            }
            console.kill()
            if console.transcript.contains("Resuming the interview") { resumed += 1 }
            let saved = KillEndToEndTests.shownAsSaved(console.transcript)
            shown.formUnion(saved)
            let missing = saved.subtracting(try PostgresConsoleSupport.storedAnswers(db))
            #expect(missing.isEmpty, "seed \(seed), kill \(kill): shown as saved but not on the server: \(missing)")
        }
        Thread.sleep(forTimeInterval: 2.1) // the killed consoles' leases (1 s) run out
        let finish = try CallPulseBinary.run(["agent", "c", "--agent", "finisher", "--db", db],
                                             stdin: Array(repeating: KillEndToEndTests.interviewLines, count: contacts * 2)
                                                 .joined().joined(separator: "\n") + "\n")
        #expect(finish.status == 0, "seed \(seed): \(finish.stderr)")
        if finish.stdout.contains("Resuming the interview") { resumed += 1 }
        #expect(resumed > 0, "seed \(seed): no killed interview was resumed")
        #expect(shown.subtracting(try PostgresConsoleSupport.storedAnswers(db)).isEmpty, "seed \(seed)")
        let count = { (sql: String) in try PostgresConsoleSupport.count(db, sql) }
        #expect(try count("SELECT count(*) FROM interview WHERE status = 'active'") == 0, "seed \(seed): \(finish.stdout.suffix(800))")
        #expect(try PostgresConsoleSupport.doubles(db).interviews == 0, "seed \(seed): a resumed interview was started again")
        #expect(try count("SELECT count(*) FROM contact WHERE status = 'done'") == contacts, "seed \(seed)")
    }

    /// `pg_ctl restart -m fast` between two answers: the console takes up a new connection and
    /// saves the next answer without troubling the agent. Then the server stops: the console says
    /// in one plain line that the server cannot be reached, keeps the typed answer through Enters
    /// while it stays away, and saves it exactly once on the Enter after it is back.
    @Test func aRestartOrAStopMidInterviewKeepsTheTypedAnswer() throws {
        let server = try PostgresTestServer()
        defer { server.destroy() }
        let dir = try TemporaryDirectory()
        let db = try server.createDatabase()
        try PostgresConsoleSupport.setUp(contacts: 2, db: db, in: dir)
        let console = try ConsoleProcess.inTerminal("agent c --agent liisa --db '\(db)'", columns: 200)
        defer { console.kill() }
        #expect(console.waitFor("outcome > "))
        PostgresConsoleSupport.type(["a", "8"], into: console)
        #expect(console.waitFor("✓ saved 8"))

        try server.restart() // every connection is cut
        #expect(PostgresConsoleSupport.type(["Jonotus kesti"], into: console) == 0)
        #expect(console.waitFor("✓ saved Jonotus kesti"))
        #expect(!console.transcript.contains("could not"), "\(PostgresConsoleSupport.plain(console.transcript).suffix(600))")

        try server.stop()
        console.send("4")
        #expect(console.waitFor("retry > "))
        console.send("") // Enter while the server is still away: told again, still kept
        #expect(console.waitFor("retry > ", count: 2))
        // The message as the console wraps it to the terminal: one sentence, no libpq tab-indents.
        let told = PostgresConsoleSupport.plain(console.transcript).matches(of: /! could not ([^!]*?)Nothing is lost/)
            .map { $0.1.replacing(/\s+/, with: " ") }
        #expect(told.count == 2)
        #expect(told.allSatisfy { $0.hasPrefix("save the answer: the database server ") && $0.contains(" cannot be reached (") },
                "\(told)")
        #expect(!console.transcript.contains("\t"), "\(told)")
        #expect(console.transcript.contains("Nothing is lost: it is still here. Press Enter to try again."))
        #expect(!console.transcript.contains("✓ saved 4"))
        try server.start()
        console.send("")
        #expect(console.waitFor("✓ saved 4"), "\(PostgresConsoleSupport.plain(console.transcript).suffix(600))")
        PostgresConsoleSupport.type(["4", "q"], into: console)
        #expect(console.waitFor("Interview complete"), "\(PostgresConsoleSupport.plain(console.transcript).suffix(600))")

        let answers = try PGConnection(db).execute("SELECT questionId, value FROM answer ORDER BY id").rows
            .map { "\(try $0.value(at: 0, as: String.self))=\(try $0.value(at: 1, as: String.self))" }
        #expect(answers == ["nps=8", "nps_reason=\"Jonotus kesti\"", "ces=4", "csat=4"]) // each exactly once
        #expect(try PostgresConsoleSupport.count(db, "SELECT count(*) FROM interview WHERE status = 'complete'") == 1)
    }

    @Test func sixteenConsolesOutlastTwentySecondsWithoutTheServer() throws {
        let server = try PostgresTestServer()
        defer { server.destroy() }
        let dir = try TemporaryDirectory()
        let db = try server.createDatabase()
        let interviews = 3
        try PostgresConsoleSupport.setUp(contacts: 16 * interviews + 8, db: db, in: dir)
        let consoles = try (0..<16).map { try ConsoleProcess.inTerminal("agent c --agent agent\($0) --db '\(db)'") }
        defer { consoles.forEach { $0.kill() } }
        let lines = Array(repeating: PostgresConsoleSupport.interview, count: interviews).joined() + ["q"]
        let (_, retries) = PostgresConsoleSupport.work(consoles, lines: lines)
        Thread.sleep(forTimeInterval: 2)
        try server.stop()
        Thread.sleep(forTimeInterval: 20)
        try server.start()
        for console in consoles { #expect(console.waitFor("Session ended", timeout: 120), "\(console.transcript.suffix(400))") }

        #expect(retries.total > 0, "no console noticed the server was away")
        try PostgresConsoleSupport.checkShift(of: consoles, interviews: interviews, db: db)
    }

    /// A supervisor's `stats --watch` while the server restarts and then stays away: the last
    /// figures stay up under a line that says why they are not fresh, and fresh ones come back with
    /// the server (the watch ended with "Error: … cannot be reached" before).
    @Test func statsWatchKeepsItsFiguresUpWhileTheServerIsAway() throws {
        let server = try PostgresTestServer()
        defer { server.destroy() }
        let dir = try TemporaryDirectory()
        let db = try server.createDatabase()
        try PostgresConsoleSupport.setUp(contacts: 2, db: db, in: dir)
        let watch = try ConsoleProcess.inTerminal("stats c --watch 1 --db '\(db)'", columns: 120)
        defer { watch.kill() }
        #expect(watch.waitFor("PROGRESS"))

        try server.restart() // the watch's connection is cut between two frames
        try server.stop()
        #expect(watch.waitFor("! Cannot read the figures now: the database server "), "\(watch.transcript.suffix(600))")
        #expect(watch.waitFor("s old."), "\(watch.transcript.suffix(600))")
        // The notice as wrapped to the window, read as one line.
        let notice = watch.transcript.replacing(/\s+/, with: " ")
        #expect(notice.contains("cannot be reached (") && notice.contains(". Trying again every 1 s; the figures below are "),
                "\(notice.suffix(600))")
        #expect(watch.process.isRunning, "\(watch.transcript.suffix(600))")
        let frames = watch.transcript.components(separatedBy: "PROGRESS").count - 1
        #expect(frames >= 2, "the last figures stay up under the notice")

        try server.start()
        // A fresh frame again: the last one drawn (each begins by clearing the screen) has the
        // figures and no notice.
        func lastFrame() -> String { watch.transcript.components(separatedBy: "\u{1B}[2J").last ?? "" }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !(lastFrame().contains("PROGRESS") && !lastFrame().contains("! Cannot read")) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(lastFrame().contains("PROGRESS") && !lastFrame().contains("! Cannot read"), "\(lastFrame())")
        #expect(!watch.transcript.contains("Error:"), "\(watch.transcript.suffix(600))")
    }
}
