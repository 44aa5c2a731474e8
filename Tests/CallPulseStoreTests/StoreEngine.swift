import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing

/// An engine the store conformance suite runs on: every engine must pass every test of it.
/// A test opens one store per simulated process (`open`), all at the same `location`.
enum StoreEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The engines this machine can run: PostgreSQL when its server binaries are installed.
    static var available: [StoreEngine] {
        guard PostgresTestServer.available else {
            FileHandle.standardError.write(Data("PostgreSQL half SKIPPED: \(PostgresTestServer.missing)\n".utf8))
            return [.sqlite]
        }
        return allCases
    }

    var testDescription: String { rawValue }

    /// A fresh, empty store location for one test, removed when the returned value is dropped.
    func makeLocation() throws -> StoreLocation {
        switch self {
        case .sqlite:
            let folder = NSTemporaryDirectory() + "callpulse-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return StoreLocation(engine: self, address: folder + "/store.sqlite", folder: folder)
        case .postgres:
            let folder = NSTemporaryDirectory() + "callpulse-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return StoreLocation(engine: self, address: try PostgresTestServer.makeDatabase(), folder: folder)
        }
    }

    /// Opens (creating and migrating) the store at `address`, as a new process would.
    func open(_ address: String) throws -> any CallPulseStore {
        switch self {
        case .sqlite: try AppDatabase.open(path: address)
        case .postgres: try PostgresStore.open(address)
        }
    }
}

/// Where one test's store lives; the folder (and so the store) is removed with it.
final class StoreLocation: Sendable {
    let engine: StoreEngine
    let address: String
    let folder: String

    init(engine: StoreEngine, address: String, folder: String) {
        self.engine = engine
        self.address = address
        self.folder = folder
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Another connection to the same store, as another console or command would open.
    func open() throws -> any CallPulseStore { try engine.open(address) }
}
