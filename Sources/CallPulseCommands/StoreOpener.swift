import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import Foundation

/// The one place that chooses a store engine, by the database address alone: a PostgreSQL
/// connection URI or keyword string (`DatabaseLocation.isServerAddress`) opens the PostgreSQL
/// engine, anything else is an SQLite file.
enum StoreOpener {
    /// Opens the store at `address`. A file must exist unless `creating`; a server's database must
    /// exist (its schema is created on first use).
    static func open(_ address: String, creating: Bool) throws -> any CallPulseStore {
        if DatabaseLocation.isServerAddress(address) { return try PostgresStore.open(address) }
        return creating ? try AppDatabase.open(path: address) : try AppDatabase.openExisting(path: address)
    }

    /// Whether `address` names a file that does not exist yet (a new SQLite database).
    static func isNewFile(_ address: String) -> Bool {
        !DatabaseLocation.isServerAddress(address) && !FileManager.default.fileExists(atPath: address)
    }
}
