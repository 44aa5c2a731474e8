import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite

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

    /// A SQLite file that holds a killed import's staged contacts (its `callListImport` row still
    /// 'staging'): they travel with the copy, stay invisible there as on SQLite, and the next
    /// import on the server removes them as it does its own killed imports' rows.
    @Test func aKilledImportsStagedContactsStayInvisibleAndTheNextImportRemovesThem() throws {
        let dir = try TemporaryDirectory()
        let source = try StoreCopierTests.workedSource(in: dir, named: "center.sqlite")
        let sqlite = try AppDatabase.open(path: source)
        let staging = try sqlite.beginImport(campaignID: "c", file: "killed.csv", actor: "tester", now: 1_800_000_000)
        try sqlite.write { db in
            for index in 0..<3 {   // as the killed import's process wrote them
                try db.execute(sql: """
                    INSERT INTO contact (campaignId, phone, status, attempts, importId, importLine)
                    VALUES ('c', ?, 'new', 0, ?, ?)
                    """, arguments: ["+35850\(7_000_000 + index)", staging.id, index + 2])
            }
        }

        let target = try PostgresTestServer.makeDatabase()
        let copy = try CallPulseBinary.run(["db", "copy", "--from", source, "--to", target])
        #expect(copy.status == 0, "\(copy.stdout)\(copy.stderr)")
        func loaded(_ db: String) throws -> String? {
            let stats = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
            return stats.stdout.split(separator: "\n").first { $0.contains("\"loaded\"") }.map(String.init)
        }
        #expect(try loaded(target) == loaded(source))
        #expect(try loaded(target)?.contains("6") == true)
        func served() throws -> String {
            let session = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", target],
                                                  stdin: String(repeating: "n\n", count: 8) + "q\n")
            return session.stdout
        }
        let before = try served()
        #expect(before.contains("Contact #") && !before.contains("+358 50 700"), "a staged contact was served: \(before)")

        let list = try dir.write("more.csv", "phone,first_name,language\n050 800 0000,Uusi,fi\n")
        let load = try CallPulseBinary.run(["import", "c", list, "--db", target])
        #expect(load.status == 0, "\(load.stdout)\(load.stderr)")
        let db = try PGConnection(target)
        #expect(try db.execute("SELECT count(*) FROM contact WHERE phone LIKE '+358507%'").scalar(Int.self) == 0)
        #expect(try db.execute("SELECT count(*) FROM contact WHERE campaignId = 'c'").scalar(Int.self) == 7)
        #expect(try db.execute("SELECT count(*) FROM callListImport WHERE state = 'staging'").scalar(Int.self) == 0)
        #expect(try loaded(target)?.contains("7") == true)
        let after = try served()
        #expect(after.contains("+358 50 800") && !after.contains("+358 50 700"), "\(after)")
    }
}
