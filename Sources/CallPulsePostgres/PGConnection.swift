import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: synchronous, like the rest of CallPulse.
///
/// Open it with the connection string exactly as the user gave it: a URI
/// (`postgresql://cp@db1,db2/callpulse?target_session_attrs=read-write`) or a keyword string
/// (`service=callpulse`, `host=/run/postgresql dbname=callpulse`). libpq applies every PostgreSQL
/// convention itself: `PG*` environment variables, `~/.pgpass`, service files, TLS, several hosts.
///
/// A connection is not shared across threads: each thread opens its own. Statements run with text
/// parameters (`$1`, `$2` …) and return rows in text form, read by `PGRow`'s typed accessors.
/// Errors are `PostgresError`s whose messages never hold a password. Server notices ("relation
/// already exists, skipping") are dropped instead of printed to stderr.
public final class PGConnection {
    /// libpq's connection handle, nil once closed.
    var handle: OpaquePointer?
    /// The connection string as given, kept to reconnect; never shown.
    private let conninfo: String
    /// The address as it may be shown: the connection string without its password.
    public let address: String
    /// Run on every new connection `reset()` makes, to give the session its settings again
    /// (a reconnect starts a fresh session with the server's defaults).
    public var sessionSetup: ((PGConnection) throws -> Void)?
    /// The statements prepared on this session by their SQL, "" for one run once so far (see
    /// `PGConnection+Prepared`).
    var prepared: [String: String] = [:]
    /// Numbers the prepared statements' names; never reused within a session.
    var preparedCount = 0

    /// Connects to the server `conninfo` names.
    ///
    /// - Throws: `PostgresError` of kind `.client` when the string is malformed, `.unreachable`
    ///   when no server answers (or it is starting or shutting down), `.rejected` when it refuses
    ///   the login (password, user, database).
    public init(_ conninfo: String) throws {
        var parseError: String?
        guard let shown = PGConnectionAddress.redacted(conninfo, error: &parseError) else {
            throw PostgresError(kind: .client,
                                message: "the database address is not a valid PostgreSQL connection string: "
                                    + PGConnectionAddress.scrubbedParseError(parseError ?? ""),
                                address: "(unreadable connection string)")
        }
        self.conninfo = conninfo
        self.address = shown
        handle = PQconnectdb(conninfo)
        try checkConnected()
    }

    deinit { close() }

    /// Closes the connection; later statements fail as `.connectionLost`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared = [:]
    }

    /// Whether libpq still considers the connection usable (it learns of a break only when a
    /// statement fails).
    public var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Drops the connection and connects again with the same connection string (libpq's
    /// `PQreset`, which tries every host again), then runs `sessionSetup`. Any open transaction
    /// is gone.
    ///
    /// - Throws: `PostgresError` (`.unreachable` while the server is still away).
    public func reset() throws {
        prepared = [:]
        if let handle {
            PQreset(handle)
        } else {
            handle = PQconnectdb(conninfo)
        }
        try checkConnected()
        try sessionSetup?(self)
    }

    /// The server's version number (e.g. 150004 for 15.4).
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

    /// Throws the connection failure when the handle is not connected, and otherwise drops notices.
    private func checkConnected() throws {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { throw connectFailure() }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    /// The error for a connection attempt that failed: refused by the server (it answered with a
    /// FATAL about the login) or unreachable.
    private func connectFailure() -> PostgresError {
        let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        // libpq reports no SQLSTATE for a failed connection. A server that answered with a FATAL
        // about the login refused us; one starting up, shutting down or full may take us later.
        let transient = ["starting up", "shutting down", "in recovery mode", "too many clients", "not yet accepting"]
        let refused = text.contains("FATAL:") && !transient.contains { text.contains($0) }
            || (handle.map { PQconnectionNeedsPassword($0) != 0 } ?? false)
        return PostgresError(kind: refused ? .rejected : .unreachable, message: text, address: address)
    }

    /// The error libpq holds for a failed statement (`result` may be nil when it could not send).
    func failure(_ result: OpaquePointer?) -> PostgresError {
        // libpq's PG_DIAG_* codes are character macros Swift does not import: 'C', 'M', 'D', 'H'.
        func field(_ code: Unicode.Scalar) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.value)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        var message = field("M")
        if message == nil {
            let text = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
            message = text.isEmpty ? handle.map { String(cString: PQerrorMessage($0)) } : text
        }
        let lost = handle == nil || PQstatus(handle) == CONNECTION_BAD
            || sqlState.map(PostgresError.isConnectionLoss(sqlState:)) == true
        let text = (message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgresError(kind: lost ? .connectionLost : .server, sqlState: sqlState,
                             message: text.isEmpty ? "the connection to the server was lost" : text,
                             detail: field("D"), hint: field("H"),
                             address: address)
    }

    /// A `.client` error at this connection's address.
    func clientError(_ message: String) -> PostgresError {
        PostgresError(kind: .client, message: message, address: address)
    }

    /// The live handle, or `.connectionLost` when the connection was closed.
    func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw PostgresError(kind: .connectionLost, message: "the connection is closed", address: address)
        }
        return handle
    }
}
