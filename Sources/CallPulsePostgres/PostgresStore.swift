import CallPulseDomain
import CallPulseStore
import Foundation

/// The PostgreSQL engine: the store protocols on a PostgreSQL server, for centers with several
/// sites or consoles on the agents' own machines. Chosen by the database address alone (a
/// `postgresql://` URI or a keyword string, see `DatabaseLocation.isServerAddress`).
///
/// One connection per store, used by one thread at a time (`lock`); every command and console
/// opens its own store. Writes run at READ COMMITTED with synchronous commit on (the server's
/// default, enforced at connect), so an acknowledged answer is on disk — and on a synchronous
/// standby — before `✓ saved`. A connection lost to a restart or a network break is taken up
/// again at the next call (libpq tries every host of a multi-host address again, so a promoted
/// standby is found); while the server stays away, calls fail with `StoreError.serverUnreachable`,
/// which the console shows and retries on Enter, keeping what the agent typed.
public final class PostgresStore: @unchecked Sendable {
    // @unchecked: `connection` is only touched while holding `lock`; `snapshotWait` is set before sharing.
    private let lock = NSLock()
    private let connection: PGConnection
    /// The server address without its password, for messages.
    public let location: String
    /// How long an erasure's clean-up waits for transactions older than the erasure to end
    /// before it rewrites the tables anyway (an autovacuum ANALYZE of a changed table holds one
    /// for a moment). Set before the store is shared.
    var snapshotWait: TimeInterval = 30

    private init(connection: PGConnection) {
        self.connection = connection
        location = connection.address
        connection.sessionSetup = { try $0.setSetting("synchronous_commit", to: "on") }
    }

    /// Connects to the server `conninfo` names and brings its schema up to date (creating it on
    /// first use).
    ///
    /// - Throws: `StoreError.serverUnreachable` when no server answers, `PostgresSchemaError` when
    ///   the user may not create the schema, `PostgresError` when the server refuses the login.
    public static func open(_ conninfo: String) throws -> PostgresStore {
        let connection: PGConnection
        do { connection = try PGConnection(conninfo) } catch { throw translate(error) }
        let store = PostgresStore(connection: connection)
        try store.withConnection { connection in
            try connection.setSetting("synchronous_commit", to: "on")
            try PostgresSchema.migrate(connection)
        }
        return store
    }

    /// Runs `body` on the connection, alone; reconnects first when the last call lost it.
    /// Errors come out translated (`translated(_:)`).
    func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try lock.withLock {
            do {
                if !connection.isConnected { try connection.reset() }
                return try body(connection)
            } catch {
                throw Self.translate(error)
            }
        }
    }

    /// One write transaction at READ COMMITTED, run again from the start on a serialization
    /// failure or deadlock.
    func write<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try withConnection { try $0.retryingTransaction(.readCommitted, body) }
    }

    /// One read transaction that sees a single snapshot (REPEATABLE READ), so the statements of
    /// one figure agree with each other.
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try withConnection { try $0.retryingTransaction(.repeatableRead, body) }
    }

    /// A read whose rows leave as they are read (an export, the report's open answers): one
    /// REPEATABLE READ transaction as `read`, run again after a conflict only while `body` has
    /// handed no row over (`progress.handedOver`). Once rows have gone, a second run would hand
    /// them over twice, so the conflict ends the command instead; a file being written is then
    /// left unwritten (`PrivateFileWriter`). On a hot standby a conflict with recovery (40001) can
    /// end such a read at any row.
    func streamingRead<T>(_ body: (PGConnection, StreamProgress) throws -> T) throws -> T {
        let progress = StreamProgress()
        do {
            return try withConnection { connection in
                try connection.retryingTransaction(.repeatableRead, mayRunAgain: { !progress.handedOver }) {
                    try body($0, progress)
                }
            }
        } catch let error as PostgresError where error.isTransactionConflict && progress.handedOver {
            throw PostgresError(kind: error.kind, sqlState: error.sqlState, message: error.message, detail: error.detail,
                                hint: "The read was not repeated, as rows had already gone out; a file being "
                                    + "written was left unwritten. Run the command again.",
                                address: error.address)
        }
    }

    /// `error` in words a person can act on: a server away becomes `StoreError.serverUnreachable`,
    /// a standby's refusal to write `StoreError.serverReadOnly`, the erasure guard
    /// `StoreError.contactErased`; anything else passes through.
    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PostgresError else { return error }
        if error.isConnectionProblem {
            return StoreError.serverUnreachable(address: error.address, reason: oneLine(error.message))
        }
        if error.isReadOnlyServer { return StoreError.serverReadOnly(address: error.address) }
        if error.message == PostgresSchema.erasedContactMessage { return StoreError.contactErased }
        return error
    }

    /// libpq's connection messages run over several tab-indented lines ("…: Connection refused",
    /// then "Is the server running on that host…?"; or one sentence wrapped); the console shows one
    /// line: a line followed by a new sentence (a capital) and ending without a stop gets one.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return lines.indices.map { index in
            let line = lines[index]
            guard index + 1 < lines.count, lines[index + 1].first?.isUppercase == true,
                  let end = line.last, !".:;!?,".contains(end) else { return line }
            return line + "."
        }.joined(separator: " ")
    }

    public func translated(_ error: any Error) -> any Error { Self.translate(error) }

    public func mayPassWithTime(_ error: any Error) -> Bool {
        switch Self.translate(error) {
        case let error as StoreError: error.mayPassWithTime
        case let error as PostgresError: error.isTransactionConflict
        default: false
        }
    }
}

extension PostgresStore: CallPulseStore {}

/// Whether a streaming read has handed a row over yet (`PostgresStore.streamingRead`).
final class StreamProgress {
    var handedOver = false
}
