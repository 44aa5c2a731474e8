import ArgumentParser
import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import Foundation

/// The `--db` option every command that touches the database shares.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $CALLPULSE_DB, else ./callpulse.sqlite).", valueName: "PATH"))
    public var path: String?

    public init() {}

    /// The resolved path.
    public var resolvedPath: String { DatabaseLocation.resolve(option: path) }

    /// Opens the existing database (migrating it when needed). A file that is not there is an
    /// error naming the path: a mistyped `--db` must not become a new, empty database.
    /// This is where the engine is chosen; nothing after it knows which one it talks to.
    public func open() throws -> any CallPulseStore { try AppDatabase.openExisting(path: resolvedPath) }

    /// Opens the database, creating it when missing, for the commands that make something
    /// (`campaign create`, `dnc add`, `dnc import`); a new file is announced on standard error,
    /// so a mistyped path shows at once.
    public func openCreating() throws -> any CallPulseStore {
        let path = resolvedPath
        let existed = FileManager.default.fileExists(atPath: path)
        let db = try AppDatabase.open(path: path)
        if !existed { Terminal.printError("Created a new database: \(path)") }
        return db
    }
}
