import Foundation

/// Errors from the store, phrased for the person at the terminal.
public enum StoreError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)
    /// A command that works an existing database was pointed at a file that does not exist.
    case databaseNotFound(path: String)
    case notADatabase(path: String)
    case busy(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    /// A database server that cannot be reached now (down, restarting, the network away);
    /// `address` never holds a password.
    case serverUnreachable(address: String, reason: String)
    /// A database server that takes no writes: a hot standby (in recovery), or a session made
    /// read-only (`default_transaction_read_only`); `address` never holds a password.
    case serverReadOnly(address: String)
    case campaignNotFound(String)
    case campaignExists(String)
    case campaignClosed(String)
    case contactNotFound(Int64)
    /// A write for an agent whose lease on the contact ran out and passed to another console;
    /// `takenBy` is the agent holding it now (nil when it was worked and given back since).
    case leaseLost(contactID: Int64, takenBy: String?)
    case contactErased

    public var errorDescription: String? {
        switch self {
        case let .cannotCreate(path, reason): "cannot create the database '\(path)': \(reason)"
        case let .databaseNotFound(path):
            "no database at '\(path)': check --db or $CALLPULSE_DB (`callpulse campaign create` or `callpulse demo` creates a new one)"
        case let .notADatabase(path): "'\(path)' is not a CallPulse database (not an SQLite file, or damaged)"
        case let .busy(path): "the database '\(path)' is busy (another program holds a lock); try again"
        case let .readOnly(path): "the database '\(path)' is read-only; check the file's permissions"
        case let .diskFull(path): "the disk holding '\(path)' is full; nothing was written"
        case let .serverUnreachable(address, reason):
            "the database server \(address) cannot be reached (\(reason))"
        case let .serverReadOnly(address):
            "the database server \(address) takes no writes (a standby, or a read-only session): "
                + "it can show figures (stats, export, report) but cannot record anything; give the primary, "
                + "or every host with ?target_session_attrs=read-write"
        case let .campaignNotFound(id): "no campaign '\(id)' (see `callpulse campaign list`)"
        case let .campaignExists(id): "a campaign '\(id)' already exists"
        case let .campaignClosed(id): "campaign '\(id)' is closed"
        case let .contactNotFound(id): "no contact #\(id)"
        case let .leaseLost(id, takenBy):
            "contact #\(id) is no longer yours: your lease on it ran out and \(takenBy.map { "agent \($0)" } ?? "another agent") took it"
        case .contactErased:
            "this person's personal data was erased at their request (callpulse forget): nothing more can be recorded for them"
        }
    }

    /// Whether trying again later may succeed: the file was locked, full or read-only for a while,
    /// the server away or not yet promoted.
    public var mayPassWithTime: Bool {
        switch self {
        case .busy, .readOnly, .diskFull, .cannotCreate, .serverUnreachable, .serverReadOnly: true
        default: false
        }
    }
}
