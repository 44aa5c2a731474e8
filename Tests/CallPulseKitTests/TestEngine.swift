import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulsePostgres
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The store engines an end-to-end test runs on: an SQLite file, and a database on the test
/// PostgreSQL server when its binaries are installed (`PostgresTestServer.available`; without
/// them the PostgreSQL half is skipped, and the conformance suite says so loudly).
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var available: [TestEngine] { PostgresTestServer.available ? allCases : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty database address for `--db`: a file in `dir`, or a fresh database on the
    /// shared test server.
    func database(in dir: TemporaryDirectory, name: String = "cp.sqlite") throws -> String {
        switch self {
        case .sqlite: dir.file(name)
        case .postgres: try PostgresTestServer.makeDatabase()
        }
    }

    /// Opens the store at `address`, as a command would.
    func open(_ address: String) throws -> any CallPulseStore {
        switch self {
        case .sqlite: try AppDatabase.open(path: address)
        case .postgres: try PostgresStore.open(address)
        }
    }

    /// The whole number `sql` (written so both engines read it alike) yields on the store at `address`.
    func count(_ sql: String, at address: String) throws -> Int {
        switch self {
        case .sqlite: try AppDatabase.open(path: address).read { try Int.fetchOne($0, sql: sql) ?? 0 }
        case .postgres: try PGConnection(address).execute(sql).scalar(Int.self) ?? 0
        }
    }

    /// The rows of `sql`, each as its columns' text (nil for NULL).
    func rows(_ sql: String, at address: String) throws -> [[String?]] {
        switch self {
        case .sqlite:
            try AppDatabase.open(path: address).read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { value -> String? in
                        switch value.storage {
                        case .null: nil
                        case let .int64(number): String(number)
                        case let .double(number): String(number)
                        case let .string(text): text
                        case let .blob(data): String(decoding: data, as: UTF8.self)
                        }
                    }
                }
            }
        case .postgres:
            try PGConnection(address).execute(sql).rows.map(\.texts)
        }
    }

    /// Runs `sql` (a statement both engines read alike) on the store at `address`.
    func execute(_ sql: String, at address: String) throws {
        switch self {
        case .sqlite: try AppDatabase.open(path: address).write { try $0.execute(sql: sql) }
        case .postgres: _ = try PGConnection(address).execute(sql)
        }
    }
}
