import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// Thirty-two consoles at once on one PostgreSQL campaign, each doing real interviews: no contact
/// is served twice, every answer a console showed as saved is on the server, and `stats --json`
/// gives the tallies a count over the rows gives.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresConsolesEndToEndTests {
    static let consoles = 32
    static let interviewsEach = 3

    @Test func thirtyTwoConsolesShareOneCampaign() throws {
        let dir = try TemporaryDirectory()
        let db = try PostgresTestServer.makeDatabase()
        try PostgresConsoleSupport.setUp(contacts: Self.consoles * (Self.interviewsEach + 1) + 8, db: db, in: dir)
        // Three interviews, then a no-answer, then quit: piped, as fast as the consoles read.
        let lines = Array(repeating: PostgresConsoleSupport.interview, count: Self.interviewsEach).joined() + ["n", "q"]
        let consoles = try (0..<Self.consoles).map { index in
            try ConsoleProcess(["agent", "c", "--agent", "agent\(index)", "--db", db])
        }
        for console in consoles {
            lines.forEach(console.send)
            console.closeInput()
        }
        consoles.forEach { $0.wait() }

        var shown: Set<String> = []
        for console in consoles {
            #expect(console.process.terminationStatus == 0, "\(console.transcript.suffix(500))")
            #expect(!console.transcript.contains("could not"), "\(console.transcript.suffix(500))")
            #expect(console.transcript.contains("Session ended: 4 calls, 3 completes"), "\(console.transcript.suffix(300))")
            shown.formUnion(KillEndToEndTests.shownAsSaved(console.transcript))
        }
        #expect(shown.count == Self.consoles * Self.interviewsEach * 4)
        let stored = try PostgresConsoleSupport.storedAnswers(db)
        #expect(shown.subtracting(stored).isEmpty, "shown as saved, not on the server: \(shown.subtracting(stored).sorted().prefix(5))")
        #expect(stored == shown)

        let doubles = try PostgresConsoleSupport.doubles(db)
        #expect(doubles.calls == 0 && doubles.interviews == 0 && doubles.answers == 0, "\(doubles)")
        let count = { (sql: String) in try PostgresConsoleSupport.count(db, sql) }
        #expect(try count("SELECT count(*) FROM call") == Self.consoles * (Self.interviewsEach + 1))

        // The live tallies the server's triggers keep, against a count of the rows themselves.
        let stats = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let campaign = try #require((json?["campaigns"] as? [[String: Any]])?.first)
        let progress = try #require(campaign["progress"] as? [String: Any])
        #expect(progress["completes"] as? Int == (try count("SELECT count(*) FROM interview WHERE status = 'complete'")))
        #expect(progress["attempted"] as? Int == (try count("SELECT count(*) FROM contact WHERE attempts > 0")))
        #expect(progress["loaded"] as? Int == (try count("SELECT count(*) FROM contact")))
        #expect(progress["finished"] as? Int == (try count("SELECT count(*) FROM contact WHERE status = 'done'")))
        #expect(progress["neverCalled"] as? Int == (try count("SELECT count(*) FROM contact WHERE attempts = 0")))
        let counts = try #require((campaign["rates"] as? [String: Any])?["counts"] as? [String: Int])
        #expect(counts["I"] == (try count("SELECT count(*) FROM contact WHERE disposition LIKE '1.1%'")))
        let agents = try #require(campaign["agents"] as? [[String: Any]])
        #expect(agents.count == Self.consoles)
        for agent in agents {
            let name = try #require(agent["agent"] as? String)
            #expect(agent["calls"] as? Int == (try count("SELECT count(*) FROM call WHERE agent = '\(name)'")), "\(name)")
            #expect(agent["completes"] as? Int
                        == (try count("SELECT count(*) FROM interview WHERE agent = '\(name)' AND status = 'complete'")), "\(name)")
        }
    }
}
