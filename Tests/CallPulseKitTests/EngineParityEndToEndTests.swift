import CallPulseTestSupport
import Foundation
import Testing

/// The same campaign, call list and console sessions through the built binary on an SQLite file
/// and on a PostgreSQL database: every command a supervisor runs afterwards prints the same thing
/// and exits the same way on both engines, apart from generation times and the engine's own
/// words about how it wiped erased data.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct EngineParityEndToEndTests {
    @Test func everyCommandSaysTheSameOnBothEngines() throws {
        let dir = try TemporaryDirectory()
        let sqlite = try ParityScenario(db: dir.file("cp.sqlite"), dir: dir).run()
        let postgres = try ParityScenario(db: try PostgresTestServer.makeDatabase(), dir: dir).run()
        #expect(sqlite.count == postgres.count)
        for (lite, server) in zip(sqlite, postgres) {
            #expect(lite == server, "\(ParityScenario.firstDifference(lite, server))")
        }
        // The scenario did what it says, so equal outputs are not equal failures.
        #expect(sqlite.filter { $0.status != 0 }.map(\.label) == [
            "forget bad number", "campaign show nope", "stats nope", "export nope", "agent nope", "import nope",
            "campaign create again",
        ])
        let byLabel = Dictionary(uniqueKeysWithValues: sqlite.map { ($0.label, $0) })
        #expect(byLabel["stats --json"]?.status == 0 && byLabel["stats --json"]?.stdout.contains("\"completes\"") == true)
        #expect(byLabel["export"]?.stdout.contains("Jonotus kesti liian kauan") == true)
        #expect(byLabel["report"]?.stdout.contains("<html") == true)
        #expect(byLabel["forget"]?.stdout.contains("Erased the personal data of +358401000000") == true)
        #expect(byLabel["campaign show nope"]?.status != 0)
        #expect(byLabel["campaign show nope"]?.stderr.contains("no campaign 'nope'") == true)
    }

    /// A password in the address never shows: not when the server refuses it, not when the host is
    /// wrong, not in a keyword string, not from the console.
    @Test func aPasswordNeverAppearsInOutput() throws {
        let server = try PostgresTestServer.shared.get()
        let secret = "Sal4-s4na!x%"
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret
        let addresses = [
            server.tcpURI(database: "postgres", password: secret),                      // refused by the server
            "postgresql://postgres:\(encoded)@127.0.0.1:1/callpulse",                  // nobody listens there
            "postgresql://postgres:\(encoded)@no-such-host.invalid/callpulse",          // no such host
            "host=127.0.0.1 port=\(server.port) dbname=postgres user=postgres password='\(secret)'",
            "postgresql://postgres:\(encoded)@127.0.0.1:\(server.port)/postgres?sslmode=bogus", // malformed
        ]
        for address in addresses {
            for arguments in [["stats", "--json"], ["campaign", "list"], ["agent", "c", "--agent", "liisa"]] {
                let result = try CallPulseBinary.run(arguments + ["--db", address], stdin: "a\n")
                let seen = result.stdout + result.stderr
                #expect(result.status != 0, "\(arguments) \(address): \(seen)")
                #expect(!seen.isEmpty)
                for form in [secret, encoded, "Sal4-s4na"] {
                    #expect(!seen.contains(form), "\(arguments): the password shows in: \(seen)")
                }
            }
            let environment = try CallPulseBinary.run(["campaign", "list"], environment: ["CALLPULSE_DB": address])
            #expect(!(environment.stdout + environment.stderr).contains("Sal4-s4na"), "\(environment.stderr)")
        }
    }
}
