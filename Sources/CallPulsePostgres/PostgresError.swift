import Foundation

/// A failure talking to PostgreSQL: what went wrong, the server's SQLSTATE when it sent one, and
/// the address it happened at with any password left out.
///
/// `description` never holds a password: `address` is rebuilt from the parsed connection string
/// without `password` (see `PGConnectionAddress`), and libpq's own connection messages name only
/// hosts, ports, sockets, users and databases.
public struct PostgresError: Error, CustomStringConvertible, LocalizedError, Sendable {
    /// What kind of failure it is, for callers that retry or explain.
    public enum Kind: Sendable, Equatable {
        /// No connection could be made: nothing listens there, the server is starting up or
        /// shutting down, or the network is down. Trying again later may work.
        case unreachable
        /// An open connection broke: the server restarted, was shut down or the link dropped
        /// (libpq reports CONNECTION_BAD, or SQLSTATE 57P01/57P02/57P03 or class 08).
        /// Whether the statement under way was committed is unknown when it was a COMMIT.
        case connectionLost
        /// The server answered with an error (see `sqlState`): a constraint, a permission, bad SQL…
        case server
        /// The server refused the connection itself: wrong password, unknown user or database.
        case rejected
        /// CallPulse could not use the value it was given (a string with a NUL, an unparsable
        /// connection string, a column that is not there or not of the asked type).
        case client
    }

    public let kind: Kind
    /// The five-character SQLSTATE the server sent (e.g. "23505"), nil when there was none.
    public let sqlState: String?
    /// The server's (or libpq's) message, without the "ERROR:" prefix.
    public let message: String
    /// The server's DETAIL line, if any.
    public let detail: String?
    /// The server's HINT line, if any.
    public let hint: String?
    /// The database address, password removed, for messages.
    public let address: String

    public init(kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
                address: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.address = address
    }

    /// True when the server cannot be reached or the connection to it broke: the caller may say
    /// "the database server cannot be reached", keep what it has and try again after `reset()`.
    public var isConnectionProblem: Bool { kind == .unreachable || kind == .connectionLost }

    /// True for a serialization failure (40001) or a deadlock (40P01): running the whole
    /// transaction again is the documented cure (`PGConnection.retryingTransaction`).
    public var isTransactionConflict: Bool { sqlState == "40001" || sqlState == "40P01" || isStalePreparedStatement }

    /// True when a prepared statement's result columns changed under it (a migration altered a
    /// table it reads, 0A000 "cached plan must not change result type"): prepared again, it runs.
    public var isStalePreparedStatement: Bool {
        sqlState == "0A000" && message.contains("cached plan must not change result type")
    }

    /// True when the server refused a write because it takes none: a read-only transaction
    /// (25006, as on a hot standby or with `default_transaction_read_only`), or what a standby
    /// cannot do during recovery (0A000 "… during recovery", e.g. writing an unlogged table).
    public var isReadOnlyServer: Bool {
        sqlState == "25006" || (sqlState == "0A000" && message.contains("during recovery"))
    }

    /// True for an insufficient_privilege error (42501).
    public var isPermissionDenied: Bool { sqlState == "42501" }

    /// Whether a SQLSTATE means the connection is gone: class 08 (connection exception) and the
    /// operator interventions that end sessions (admin or crash shutdown, cannot connect now).
    static func isConnectionLoss(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    public var description: String {
        var text = "PostgreSQL (\(address)): \(message)"
        if let detail { text += " (\(detail))" }
        if let hint { text += " Hint: \(hint)" }
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        return text
    }

    public var errorDescription: String? { description }
}
