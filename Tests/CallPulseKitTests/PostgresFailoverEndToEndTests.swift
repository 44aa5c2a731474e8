import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// Sixteen consoles on a primary with a synchronous hot standby, through the two-host address
/// `postgresql://h1:p1,h2:p2/db?target_session_attrs=read-write`. The primary dies mid-shift
/// (`pg_ctl stop -m immediate`) and the standby is promoted: the consoles carry on against it,
/// every answer they showed as saved is there, and no contact is served twice.
@Suite(.serialized, .enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresFailoverEndToEndTests {
    @Test func consolesCarryOnAgainstThePromotedStandby() throws {
        let cluster = try PostgresTestCluster()
        defer { cluster.destroy() }
        let dir = try TemporaryDirectory()
        let database = try cluster.createDatabase()
        let uri = cluster.uri(database: database)
        let interviews = 3
        try PostgresConsoleSupport.setUp(contacts: 16 * interviews + 8, db: uri, in: dir)

        let consoles = try (0..<16).map { try ConsoleProcess.inTerminal("agent c --agent agent\($0) --db '\(uri)'") }
        defer { consoles.forEach { $0.kill() } }
        let lines = Array(repeating: PostgresConsoleSupport.interview, count: interviews).joined() + ["q"]
        PostgresConsoleSupport.work(consoles, lines: lines)
        Thread.sleep(forTimeInterval: 2)
        let savedBefore = try PostgresConsoleSupport.count(uri, "SELECT count(*) FROM answer")
        try cluster.failOver()
        for console in consoles { #expect(console.waitFor("Session ended", timeout: 120), "\(console.transcript.suffix(400))") }

        // The standby is the primary now, and holds everything.
        let promoted = cluster.standby.conninfo(database: database)
        #expect(try PGConnection(promoted).execute("SELECT pg_is_in_recovery()").scalar(Bool.self) == false)
        let shown = try PostgresConsoleSupport.checkShift(of: consoles, interviews: interviews, db: promoted)
        #expect(savedBefore > 0 && savedBefore < shown.count, "the failover did not fall mid-shift: \(savedBefore) answers before")
        #expect(consoles.allSatisfy { !$0.transcript.contains(cluster.primary.superuserPassword) }) // the URI's password
    }
}
