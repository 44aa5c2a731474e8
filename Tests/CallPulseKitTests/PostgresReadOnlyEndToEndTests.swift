import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// A site pointed at a server that takes no writes (its hot standby, or a database whose sessions
/// are read-only, as here): the figures read as on the primary, and every command that would
/// record something says in plain words what the server is and what to give instead, rather than
/// PostgreSQL's "cannot execute … in a read-only transaction".
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresReadOnlyEndToEndTests {
    @Test func figuresReadAndWritesAreRefusedInPlainWords() throws {
        let dir = try TemporaryDirectory()
        let db = try PostgresTestServer.makeDatabase()
        try PostgresConsoleSupport.setUp(contacts: 3, db: db, in: dir)
        let worked = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: (PostgresConsoleSupport.interview + ["q"]).joined(separator: "\n") + "\n")
        #expect(worked.status == 0, "\(worked.stderr)")
        let stats = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        _ = try PGConnection(db).execute(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$")

        let readOnlyStats = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        func figures(_ json: String) -> [Substring] { json.split(separator: "\n").filter { !$0.contains("generatedAt") } }
        #expect(readOnlyStats.status == 0, "\(readOnlyStats.stderr)")
        #expect(figures(readOnlyStats.stdout) == figures(stats.stdout))
        #expect(try CallPulseBinary.run(["export", "c", "--db", db]).status == 0)

        let list = try dir.write("more.csv", "phone,first_name,language\n050 800 0000,Uusi,fi\n")
        for command in [["agent", "c", "--agent", "pekka"], ["import", "c", list], ["forget", "+358401000002"],
                        ["dnc", "add", "+358401234567"]] {
            let result = try CallPulseBinary.run(command + ["--db", db], stdin: "n\nq\n")
            let said = result.stdout + result.stderr
            #expect(said.contains("takes no writes (a standby, or a read-only session): it can show figures"), "\(command): \(said)")
            #expect(!said.contains("SQLSTATE"), "\(command): \(said)")
        }
        #expect(try PostgresConsoleSupport.count(db, "SELECT count(*) FROM call") == 1)
    }
}
