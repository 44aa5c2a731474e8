import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Plays back lines like `ScriptedLineReader`, moving the test clock forward before each one: the
/// time the agent takes to type it.
final class TickingLineReader: LineReader {
    var completions: [String] = []
    var idle: (() -> Void)?
    private var inputs: [(line: String, seconds: Int64)]
    private let clock: TestClock

    init(_ inputs: [(line: String, seconds: Int64)], clock: TestClock) {
        self.inputs = inputs
        self.clock = clock
    }

    func readLine(prompt: String) -> LineInput {
        guard !inputs.isEmpty else { return .endOfInput }
        let input = inputs.removeFirst()
        clock.now += input.seconds
        return .line(input.line)
    }

    func addToHistory(_ line: String) {}
}

/// Per-agent hours and completes per hour count the time logged in, not the clock hours touched.
@Suite struct StatsAgentHoursTests {
    let dir: TemporaryDirectory
    let db: AppDatabase
    /// 09:56 in Helsinki (07:56 UTC): the session runs across the full hour.
    let clock = TestClock(ConsoleTests.mondayMorning - 240)

    /// Seven contacts. One console session completes six interviews in eight minutes (each answer
    /// typed 16 s after the last) and quits; after a 30-minute break a second session records a
    /// no-answer 20 s after the card is shown.
    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        var csv = "phone,first_name,language\n"
        for index in 1...7 { csv += "040 111 111\(index),Asiakas,fi\n" }
        try db.importTestList(csv, in: dir, now: clock.now)
        let interview = ["a", "9", "Hyvä", "5", "5"]
        try run(Array(repeating: interview, count: 6).flatMap { $0 }.map { ($0, 16) } + [("q", 16)])
        clock.now += 30 * 60
        try run([("n", 20)])
    }

    private func run(_ lines: [(line: String, seconds: Int64)]) throws {
        let output = ConsoleOutput.recording()
        let console = try Console(database: db, campaignID: "c", agent: "liisa", reader: TickingLineReader(lines, clock: clock),
                                  output: output, interactive: false, clock: { [clock] in clock.now })
        try console.run()
    }

    @Test func sixCompletesInEightMinutesAcrossTheHourAreEightMinutes() throws {
        let stats = try StatsSnapshot.load(database: db, campaignID: "c", now: clock.now)
        let agent = try #require(stats.agents.first)
        #expect(agent.completes == 6 && agent.calls == 7)
        #expect(agent.activeHours == 2) // the clock hours touched: what CPH used to divide by (3.00)
        #expect(agent.loggedInSeconds == 480 + 20) // two sessions; the break is left out
        #expect(agent.completesPerHour.map { abs($0 - 6 / (500.0 / 3600)) < 1e-9 } == true)
        let text = StatsDashboard(width: 80, timeZone: TimeZone(identifier: "Europe/Helsinki")!).render(stats)
        #expect(text.contains("LOGGED IN: first claim to last release, breaks over 15 min left out"))
        let row = try #require(text.split(separator: "\n").first { $0.contains("liisa") })
        #expect(row.contains("0:08") && row.contains("43.20"), "\(row)")
        // The same figures counted from the rows (the report's --since path).
        let counted = try StatsSnapshot.load(database: db, campaignID: "c", since: 0, now: clock.now)
        #expect(counted.agents == stats.agents)
    }

    @Test func theTriggersKeepTheSessionsTheRowsMake() throws {
        // Calls written out of order, overlapping, open and then ended, by two agents.
        var generator = SplitMix64(seed: 6)
        try db.write { db in
            for _ in 0..<300 {
                let start = Int64.random(in: 1_800_000_000...1_800_050_000, using: &generator)
                let end: Int64? = Bool.random(using: &generator) ? start + Int64.random(in: 0...400, using: &generator) : nil
                let agent = Bool.random(using: &generator) ? "a" : "b"
                try db.execute(sql: """
                    INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt) VALUES (1, 'c', ?, ?, ?)
                    """, arguments: [agent, start, end])
                if end == nil, Bool.random(using: &generator) {
                    try db.execute(sql: "UPDATE call SET endedAt = startedAt + 120 WHERE id = ?", arguments: [db.lastInsertedRowID])
                }
            }
        }
        try db.read { db in
            let kept = try Row.fetchAll(db, sql: "SELECT agent, startedAt, endedAt FROM agentSession ORDER BY 1, 2")
            let counted = try Row.fetchAll(db, sql: "SELECT agent, startedAt, endedAt FROM (\(AppDatabase.agentSessionSQL(where: "1"))) ORDER BY 1, 2")
            #expect(kept == counted)
            for agent in ["a", "b", "liisa"] {
                let spans = try Row.fetchAll(db, sql: "SELECT startedAt, endedAt FROM call WHERE agent = ?", arguments: [agent])
                    .map { AgentSessions.Span(start: $0[0], end: $0[1]) }
                let sessions = try Row.fetchAll(db, sql: "SELECT startedAt, endedAt FROM agentSession WHERE agent = ? ORDER BY 1",
                                                arguments: [agent]).map { ($0[0] as Int64)...($0[1] as Int64) }
                #expect(sessions == AgentSessions.sessions(spans), "\(agent)")
            }
        }
    }
}
