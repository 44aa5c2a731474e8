import ArgumentParser
import Foundation

/// The `--db` option every command that touches the database shares.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $CALLPULSE_DB, else ./callpulse.sqlite).", valueName: "PATH"))
    public var path: String?

    public init() {}

    /// The resolved path.
    public var resolvedPath: String { DatabaseLocation.resolve(option: path) }

    /// Opens the database, creating and migrating it when needed.
    public func open() throws -> AppDatabase { try AppDatabase.open(path: resolvedPath) }
}

/// The current time as stored in the database: whole seconds since 1970, UTC.
public func unixNow() -> Int64 { Int64(Date().timeIntervalSince1970) }
