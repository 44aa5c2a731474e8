import Foundation

extension PGConnection {
    /// How a transaction isolates itself from concurrent ones.
    public enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// Runs `body` in one transaction: BEGIN, then COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// A connection that broke while it sat idle (the server restarted or failed over, the link
    /// dropped) is found broken by BEGIN; it is then taken up again (`reset()`) and the transaction
    /// begun there, once: nothing of it had reached the server, so nothing can happen twice.
    /// When the connection breaks later, nothing is rolled back (the server already did) and the
    /// error is `.connectionLost`; if it broke during COMMIT, whether the transaction committed is
    /// unknown.
    @discardableResult
    public func transaction<T>(_ isolation: Isolation = .readCommitted, _ body: (PGConnection) throws -> T) throws -> T {
        let begin = isolation == .readCommitted ? "BEGIN" : "BEGIN ISOLATION LEVEL \(isolation.rawValue)"
        do {
            try execute(begin)
        } catch let error as PostgresError where error.kind == .connectionLost {
            try reset()
            try execute(begin)
        }
        let value: T
        do {
            value = try body(self)
        } catch {
            if isConnected { _ = try? execute("ROLLBACK") }
            throw error
        }
        try execute("COMMIT")
        return value
    }

    /// Runs `body` in a transaction as `transaction` does, and runs it again from the start when
    /// the server aborted it for a serialization failure (40001), a deadlock (40P01) or a stale
    /// prepared statement (`PostgresError.isStalePreparedStatement`), waiting a
    /// few random milliseconds more each time, up to `attempts` runs in all, and only while
    /// `mayRunAgain` says a second run is harmless (a body that already handed rows over to the
    /// world would hand them over twice).
    @discardableResult
    public func retryingTransaction<T>(_ isolation: Isolation = .readCommitted, attempts: Int = 8,
                                       mayRunAgain: () -> Bool = { true },
                                       _ body: (PGConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction(isolation, body)
            } catch let error as PostgresError where error.isTransactionConflict && attempt < attempts && mayRunAgain() {
                usleep(useconds_t.random(in: 1_000...5_000) * useconds_t(attempt))
                attempt += 1
            }
        }
    }
}
