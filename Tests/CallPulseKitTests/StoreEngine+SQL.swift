import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulsePostgres
@testable import CallPulseSQLite
@testable import CallPulseStore

/// What the end-to-end tests read and write on either engine beside the binary: counts and rows
/// of plain SQL written so both engines read it alike.
extension StoreEngine {
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
