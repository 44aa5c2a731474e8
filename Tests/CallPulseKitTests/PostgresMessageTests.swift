import CallPulseStore
@testable import CallPulsePostgres
import Testing

/// libpq's messages as the console shows them: one line, password-free, sentences kept apart.
struct PostgresMessageTests {
    @Test func aRefusedConnectionReadsAsTwoSentencesOnOneLine() {
        let libpq = """
            connection to server at "127.0.0.1", port 34079 failed: Connection refused
            \tIs the server running on that host and accepting TCP/IP connections?

            """
        let error = PostgresError(kind: .unreachable, message: libpq, address: "user=cp dbname=callpulse host=127.0.0.1")
        let translated = PostgresStore.translate(error) as? StoreError
        #expect(translated == .serverUnreachable(
            address: "user=cp dbname=callpulse host=127.0.0.1",
            reason: "connection to server at \"127.0.0.1\", port 34079 failed: Connection refused. "
                + "Is the server running on that host and accepting TCP/IP connections?"))
    }

    @Test(arguments: [
        ("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.",
         "server closed the connection unexpectedly. This probably means the server terminated abnormally before or while processing the request."),
        ("no connection to the server\n", "no connection to the server"),
        ("could not connect: timeout expired;\n\tgiving up", "could not connect: timeout expired; giving up"),
    ])
    func linesAreJoinedWithAStopWhereASentenceEnds(libpq: String, shown: String) {
        #expect(PostgresStore.oneLine(libpq) == shown)
    }

    /// What a hot standby (or a read-only session) answers a write with, as the store says it.
    @Test(arguments: [
        ("25006", "cannot execute SELECT FOR UPDATE in a read-only transaction"),
        ("25006", "cannot execute pg_current_xact_id() during recovery"),
        ("0A000", "cannot access temporary or unlogged relations during recovery"),
    ])
    func aServerThatTakesNoWritesIsNamedAsSuch(sqlState: String, message: String) {
        let error = PostgresError(kind: .server, sqlState: sqlState, message: message, address: "host=db2 dbname=callpulse")
        #expect(PostgresStore.translate(error) as? StoreError == .serverReadOnly(address: "host=db2 dbname=callpulse"))
    }

    @Test func anUnsupportedFeatureIsNotTakenForAStandby() {
        let error = PostgresError(kind: .server, sqlState: "0A000", message: "cached plan must not change result type",
                                  address: "host=db1")
        #expect(PostgresStore.translate(error) is PostgresError)
    }
}
