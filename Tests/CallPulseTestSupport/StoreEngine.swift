import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import Foundation

/// A store engine the tests run on: an SQLite file, and a database on the test PostgreSQL server
/// (`PostgresTestServer`) when its binaries are installed. The store conformance suite and the
/// end-to-end tests that run on both engines take their engines from `available`.
public enum StoreEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    /// The engines this machine can run: PostgreSQL when its server binaries are installed;
    /// without them says loudly that the PostgreSQL half is skipped.
    public static var available: [StoreEngine] {
        guard PostgresTestServer.available else {
            FileHandle.standardError.write(Data("PostgreSQL half SKIPPED: \(PostgresTestServer.missing)\n".utf8))
            return [.sqlite]
        }
        return allCases
    }

    /// A new, empty database address for `--db` or `open`: the file `name` in `folder`, or a
    /// fresh database on the shared test server.
    public func database(in folder: String, name: String = "cp.sqlite") throws -> String {
        switch self {
        case .sqlite: folder + "/" + name
        case .postgres: try PostgresTestServer.makeDatabase()
        }
    }

    /// Opens (creating and migrating) the store at `address`, as a new process would.
    public func open(_ address: String) throws -> any CallPulseStore {
        switch self {
        case .sqlite: try AppDatabase.open(path: address)
        case .postgres: try PostgresStore.open(address)
        }
    }
}
