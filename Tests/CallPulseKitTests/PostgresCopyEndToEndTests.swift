import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// `callpulse db copy` from a worked SQLite file onto a new PostgreSQL database, as a user runs
/// it: everything lands, the copy checks itself, the figures read the same on both sides, and a
/// second copy onto the same database is refused.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresCopyEndToEndTests {
    @Test func aWorkedSQLiteCenterMovesOntoTheServer() throws {
        let dir = try TemporaryDirectory()
        let source = try StoreCopierTests.workedSource(in: dir, named: "center.sqlite")

        let target = try PostgresTestServer.makeDatabase()
        let copy = try CallPulseBinary.run(["db", "copy", "--from", source, "--to", target])
        #expect(copy.status == 0, "\(copy.stdout)\(copy.stderr)")
        let sqliteStats = try CallPulseBinary.run(["stats", "c", "--json", "--db", source])
        let postgresStats = try CallPulseBinary.run(["stats", "c", "--json", "--db", target])
        #expect(postgresStats.status == 0, "\(postgresStats.stderr)")
        func figures(_ json: String) -> [Substring] { json.split(separator: "\n").filter { !$0.contains("generatedAt") } }
        #expect(figures(postgresStats.stdout) == figures(sqliteStats.stdout))
        let db = try PGConnection(target)
        #expect(try db.execute("SELECT count(*) FROM contact WHERE campaignId = 'c'").scalar(Int.self) == 6)
        #expect(try db.execute("SELECT count(*) FROM answer").scalar(Int.self) == 9)
        // The contacts' campaign rule is on again after the copy (v11-contact-campaign-per-statement).
        let orphan = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO contact (campaignId, phone) VALUES ('nope', '+358409999999')")
        }
        #expect(orphan.sqlState == "23503")

        let again = try CallPulseBinary.run(["db", "copy", "--from", source, "--to", target])
        #expect(again.status != 0)
        #expect(again.stderr.contains("c"), "\(again.stderr)")
    }
}
