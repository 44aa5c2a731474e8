import ArgumentParser
import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import Foundation

/// The `--db` option every command that touches the database shares.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database: an SQLite file, or a PostgreSQL URI or keyword string (default: $CALLPULSE_DB, else ./callpulse.sqlite).",
        valueName: "DB"))
    public var path: String?

    public init() {}

    /// The resolved path.
    public var resolvedPath: String { DatabaseLocation.resolve(option: path) }

    /// Opens the existing database (migrating it when needed). A file that is not there is an
    /// error naming the path: a mistyped `--db` must not become a new, empty database.
    /// This is where the engine is chosen; nothing after it knows which one it talks to.
    public func open() throws -> any CallPulseStore { try StoreOpener.open(resolvedPath, creating: false) }

    /// Opens the database, creating it when missing, for the commands that make something
    /// (`campaign create`, `dnc add`, `dnc import`); a new file is announced on standard error,
    /// so a mistyped path shows at once.
    public func openCreating() throws -> any CallPulseStore {
        let path = resolvedPath
        let isNew = StoreOpener.isNewFile(path)
        let db = try StoreOpener.open(path, creating: true)
        if isNew { Terminal.printError("Created a new database: \(path)") }
        return db
    }
}
