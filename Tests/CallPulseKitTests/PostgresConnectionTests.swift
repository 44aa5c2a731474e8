import CallPulsePostgres
import CallPulseTestSupport
import Foundation
import Testing

/// `PGConnection` against a real throwaway server: parameters, COPY, transactions, errors that
/// never show a password, and a server restarted under an open connection.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresConnectionTests {
    /// Strings that break code gluing SQL together, and one of 100 KB.
    static let hostile = [
        "", "it's", "'; DROP TABLE t; --", "\"quoted\"", "back\\slash \\\\ \\N \\t", "tab\tnew\nline\r\nend",
        "emoji 👩‍👩‍👧‍👦 é ß 日本", "$1 $2 ?", "NULL", String(repeating: "x€'\\\t", count: 20_000),
    ]

    @Test func hostileStringsRoundTripAsParameters() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, s TEXT)")
        for (index, text) in Self.hostile.enumerated() {
            try db.execute("INSERT INTO t (id, s) VALUES ($1, $2)", [index, text])
            #expect(try db.execute("SELECT $1::text AS echo", [text]).scalar(String.self) == text)
        }
        let rows = try db.execute("SELECT id, s FROM t ORDER BY id").rows
        #expect(try rows.map { try $0.value("s", as: String.self) } == Self.hostile)
        #expect(try db.execute("SELECT count(*) FROM t").scalar(Int64.self) == Int64(Self.hostile.count))
    }

    @Test func typedValuesRoundTripByNameAndIndex() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try db.execute("CREATE TABLE v (campaignId TEXT, big BIGINT, small INTEGER, real DOUBLE PRECISION, flag BOOLEAN)")
        let doubles: [Double] = [0.1, -1e300, .leastNonzeroMagnitude, .infinity, -.infinity, 1.0 / 3]
        for (index, double) in doubles.enumerated() {
            try db.execute("INSERT INTO v VALUES ($1, $2, $3, $4, $5)",
                           ["c\(index)", Int64.max - Int64(index), Int32.min, double, index % 2 == 0])
        }
        try db.execute("INSERT INTO v VALUES ($1, $2, $3, $4, $5)", [nil, nil, nil, Double.nan, nil])
        let rows = try db.execute("SELECT campaignId, big, small, real, flag FROM v").rows
        #expect(rows.count == doubles.count + 1)
        for (index, double) in doubles.enumerated() {
            let row = rows[index]
            #expect(try row.value("campaignId", as: String.self) == "c\(index)")  // column folded to campaignid
            #expect(try row.value("BIG", as: Int64.self) == Int64.max - Int64(index))
            #expect(try row.value(at: 2, as: Int32.self) == Int32.min)
            #expect(try row.value("real", as: Double.self) == double)
            #expect(try row.value("flag", as: Bool.self) == (index % 2 == 0))
        }
        let nulls = rows[doubles.count]
        #expect(try nulls.value("campaignId", as: String?.self) == nil)
        #expect(try nulls.value("big", as: Int64?.self) == nil)
        #expect(try nulls.value("real", as: Double.self).isNaN)
        #expect(throws: PostgresError.self) { try nulls.value("big", as: Int64.self) }
        #expect(throws: PostgresError.self) { try nulls.value("nope", as: String?.self) }
    }

    @Test func aStringWithANulIsRefusedBeforeItReachesTheServer() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        let error = try #require(throws: PostgresError.self) { try db.execute("SELECT $1::text", ["a\u{0}b"]) }
        #expect(error.kind == .client)
        #expect(error.message.contains("NUL"))
        #expect(try db.execute("SELECT 1").scalar(Int.self) == 1)
    }

    @Test(arguments: [PGCopyFormat.text, .csv])
    func copyInKeepsTabsNewlinesBackslashesQuotesAndNulls(format: PGCopyFormat) throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try db.execute("CREATE TABLE c (line BIGINT, s TEXT, d DOUBLE PRECISION)")
        var rows: [[(any PGParameter)?]] = Self.hostile.enumerated().map { [$0.offset, $0.element, Double($0.offset) / 7] }
        rows.append([999, nil, nil])
        rows.append([1000, "a,b;\"c\"", -0.5])
        let options = format == .csv ? " WITH (FORMAT csv)" : ""
        let copied = try db.copyIn("COPY c (line, s, d) FROM STDIN\(options)", format: format, rows: rows)
        #expect(copied == Int64(rows.count))
        let back = try db.execute("SELECT line, s, d FROM c ORDER BY line").rows
        #expect(back.count == rows.count)
        for (row, sent) in zip(back, rows) {
            #expect(try row.value("s", as: String?.self) == (sent[1] as? String))
            #expect(try row.value("d", as: Double?.self) == (sent[2] as? Double))
        }
        #expect(try db.execute("SELECT count(*) FROM c WHERE s IS NULL").scalar(Int.self) == 1)
        #expect(try db.execute("SELECT count(*) FROM c WHERE s = ''").scalar(Int.self) == 1)
    }

    @Test func aCopyWithABadRowCopiesNothingAndLeavesTheConnectionUsable() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try db.execute("CREATE TABLE c (s TEXT)")
        let rows: [[(any PGParameter)?]] = [["fine"], ["a\u{0}b"], ["never"]]
        let error = try #require(throws: PostgresError.self) { try db.copyIn("COPY c (s) FROM STDIN", rows: rows) }
        #expect(error.message.contains("row 2"))
        #expect(try db.execute("SELECT count(*) FROM c").scalar(Int.self) == 0)
        // A server-side failure (a value that is not a number) is reported with its SQLSTATE.
        try db.execute("CREATE TABLE n (x BIGINT)")
        let typed = try #require(throws: PostgresError.self) { try db.copyIn("COPY n (x) FROM STDIN", rows: [["12"], ["twelve"]]) }
        #expect(typed.sqlState == "22P02")
        #expect(try db.execute("SELECT count(*) FROM n").scalar(Int.self) == 0)
    }

    @Test func forEachRowStreamsAndStopsWhenTheBodyThrows() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        var sum: Int64 = 0
        let count = try db.forEachRow("SELECT g FROM generate_series(1, $1::int) g", [10_000]) { sum += try $0.value(at: 0) }
        #expect(count == 10_000)
        #expect(sum == 50_005_000)
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try db.forEachRow("SELECT g FROM generate_series(1, 1000000) g") { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
        #expect(try db.execute("SELECT 2").scalar(Int.self) == 2)
    }

    @Test func aTransactionCommitsOrRollsBackAsAWhole() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        try db.execute("CREATE TABLE t (x BIGINT UNIQUE)")
        try db.transaction { try $0.execute("INSERT INTO t VALUES (1), (2)") }
        #expect(throws: PostgresError.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (3)")
                try db.execute("INSERT INTO t VALUES (1)")  // unique violation
            }
        }
        #expect(try db.execute("SELECT count(*) FROM t").scalar(Int.self) == 2)
        let unique = try #require(throws: PostgresError.self) { try db.execute("INSERT INTO t VALUES (2)") }
        #expect(unique.sqlState == "23505")
        #expect(unique.kind == .server)
        #expect(!unique.isConnectionProblem)
    }

    @Test func aDeadlockedTransactionIsRunAgain() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let setup = try PGConnection(conninfo)
        try setup.execute("CREATE TABLE r (id BIGINT PRIMARY KEY, n BIGINT); INSERT INTO r VALUES (1, 0), (2, 0)")
        let bothLocked = DispatchGroup()
        bothLocked.enter()
        bothLocked.enter()
        let errors = Locked<[String]>([])
        onThreads(2) { worker in
            do {
                let db = try PGConnection(conninfo)
                var attempt = 0
                try db.retryingTransaction { db in
                    attempt += 1
                    let (first, second) = worker == 0 ? (1, 2) : (2, 1)
                    try db.execute("UPDATE r SET n = n + 1 WHERE id = $1", [first])
                    if attempt == 1 {
                        bothLocked.leave()
                        bothLocked.wait()
                    }
                    try db.execute("UPDATE r SET n = n + 1 WHERE id = $1", [second])
                }
            } catch {
                errors.mutate { $0.append("\(error)") }
            }
        }
        #expect(errors.value == [])
        #expect(try setup.execute("SELECT sum(n) FROM r").scalar(Int.self) == 4)
    }

    /// A statement run again is prepared; when a migration then changes the columns it reads,
    /// the server refuses the old plan once and a retried transaction runs it prepared anew.
    @Test func aPreparedStatementWhoseTableChangedIsPreparedAgain() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let db = try PGConnection(conninfo)
        let other = try PGConnection(conninfo)
        try db.execute("CREATE TABLE p (id BIGINT PRIMARY KEY, s TEXT)")
        try db.execute("INSERT INTO p VALUES (1, 'a')")
        let read = "SELECT * FROM p WHERE id = $1"
        for _ in 0..<3 { #expect(try db.execute(read, [1]).rows.first?.texts == ["1", "a"]) }
        try other.execute("ALTER TABLE p ADD COLUMN t TEXT DEFAULT 'b'")
        let stale = try #require(throws: PostgresError.self) { try db.execute(read, [1]) }
        #expect(stale.isStalePreparedStatement && stale.isTransactionConflict)
        let row = try db.retryingTransaction { db in try db.execute(read, [1]).rows.first?.texts }
        #expect(row == ["1", "a", "b"])
        for _ in 0..<3 { #expect(try db.execute(read, [1]).rows.first?.texts == ["1", "a", "b"]) }
    }

    @Test func settingsAreReadAndSet() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        #expect(try db.setting("synchronous_commit") == "on")
        #expect(try db.setting("fsync") == "on")
        try db.setSetting("synchronous_commit", to: "off")
        #expect(try db.setting("synchronous_commit") == "off")
        try db.transaction { db in
            try db.setSetting("synchronous_commit", to: "remote_apply", local: true)
            #expect(try db.setting("synchronous_commit") == "remote_apply")
        }
        #expect(try db.setting("synchronous_commit") == "off")
    }

    /// Connection strings with a password, each with the secret that must never be shown.
    static let secrets: [(conninfo: String, secret: String)] = [
        ("postgresql://cp:s3cr3t-P%40ss@127.0.0.1:1/callpulse", "s3cr3t"),
        ("host=127.0.0.1 port=1 user=cp password='pass with space' dbname=callpulse", "pass with space"),
        ("host=127.0.0.1 port=1 user=cp password=hunter2 dbname=callpulse sslmode=disable", "hunter2"),
        ("dbname=postgresql://cp:nested-secret@127.0.0.1:1/callpulse", "nested-secret"),
        ("password=hunter2 junk", "hunter2"),
        ("postgresql://cp:%zzhunter2@127.0.0.1/callpulse", "hunter2"),
    ]

    @Test(arguments: 0..<secrets.count)
    func aPasswordNeverAppearsInAnError(index: Int) throws {
        let (conninfo, secret) = Self.secrets[index]
        let error = try #require(throws: PostgresError.self) { try PGConnection(conninfo) }
        for shown in [error.description, error.localizedDescription, "\(error)", String(reflecting: error)] {
            #expect(!shown.contains(secret), "\(shown)")
            #expect(!shown.contains("s3cr3t-P@ss"))
        }
        if index < 4 {
            #expect(error.kind == .unreachable)
            #expect(error.isConnectionProblem)
            #expect(error.description.contains("callpulse"))
        } else {
            #expect(error.kind == .client)
        }
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() throws {
        let server = try PostgresTestServer.shared.get()
        let wrong = "not-the-password-\(UUID().uuidString)"
        let error = try #require(throws: PostgresError.self) {
            try PGConnection(server.tcpURI(database: "postgres", password: wrong))
        }
        #expect(error.kind == .rejected)
        #expect(!error.isConnectionProblem)
        #expect(!error.description.contains(wrong))
        #expect(error.description.contains("password authentication failed"))
        let right = try PGConnection(server.tcpURI(database: "postgres"))
        #expect(!right.address.contains(server.superuserPassword))
        #expect(right.address.contains("user=postgres"))
        #expect(try right.execute("SELECT 1").scalar(Int.self) == 1)
    }

    @Test func aRestartedServerIsReportedAsLostAndReconnected() throws {
        let server = try PostgresTestServer()
        defer { server.destroy() }
        let db = try server.superuser()
        try db.execute("CREATE TABLE t (x BIGINT)")
        try db.execute("INSERT INTO t VALUES (1)")
        // Run twice, so prepared on this session: the new session after the restart has no such
        // statement, and it is prepared there again.
        let counted = "SELECT count(*) FROM t WHERE x = $1"
        for _ in 0..<2 { #expect(try db.execute(counted, [1]).scalar(Int.self) == 1) }
        try server.restart()
        let lost = try #require(throws: PostgresError.self) { try db.execute("SELECT count(*) FROM t") }
        #expect(lost.kind == .connectionLost)
        #expect(lost.isConnectionProblem)
        try db.reset()
        #expect(try db.execute("SELECT count(*) FROM t").scalar(Int.self) == 1)
        for _ in 0..<3 { #expect(try db.execute(counted, [1]).scalar(Int.self) == 1) }

        try server.stop()
        let down = try #require(throws: PostgresError.self) { try db.execute("SELECT 1") }
        #expect(down.isConnectionProblem)
        let away = try #require(throws: PostgresError.self) { try db.reset() }
        #expect(away.kind == .unreachable)
        try server.start()
        try db.reset()
        #expect(try db.execute("SELECT count(*) FROM t").scalar(Int.self) == 1)
    }
}

/// Runs `body` on `count` threads at once (one each, index 0..<count) and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for index in 0..<count {
        done.enter()
        Thread {
            body(index)
            done.leave()
        }.start()
    }
    done.wait()
}

/// A value shared by test threads, read and changed under a lock.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
