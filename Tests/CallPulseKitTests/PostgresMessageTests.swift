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
}
