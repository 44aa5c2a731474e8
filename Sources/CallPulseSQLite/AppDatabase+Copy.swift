import CallPulseStore
import GRDB

extension AppDatabase: CopySource {
    public func copyOut(tables: [String],
                        _ body: (String, [String], (([StoredValue]) throws -> Void) throws -> Void) throws -> Void) throws {
        try read { db in
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                    .map { $0["name"] as String }
                let list = columns.joined(separator: ", ")
                try body(table, columns) { row in
                    let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table) ORDER BY \(CopyPlan.key(of: table))")
                    while let values = try cursor.next() {
                        try row(values.databaseValues.map(Self.stored))
                    }
                }
            }
        }
    }

    public func rowCount(of table: String) throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    static func stored(_ value: DatabaseValue) -> StoredValue {
        switch value.storage {
        case .null: .null
        case let .int64(number): .integer(number)
        case let .double(number): .real(number)
        case let .string(text): .text(text)
        case let .blob(data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}

extension AppDatabase: CopyTarget {
    /// SQLite's triggers build the tallies from the copied rows at no such cost.
    public var takesDerivedTables: Bool { false }

    public func copyIn(_ body: ((String, [String], [[StoredValue]]) throws -> Void) throws -> Void) throws {
        try write { db in
            var erased: [(id: StoredValue, at: StoredValue)] = []
            try body { table, columns, rows in
                let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                let statement = try db.makeStatement(
                    sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
                let erasedColumn = table == "contact" ? columns.firstIndex(of: "erasedAt") : nil
                let idColumn = columns.firstIndex(of: "id")
                for var row in rows {
                    if let erasedColumn, let idColumn, row[erasedColumn] != .null {
                        erased.append((row[idColumn], row[erasedColumn]))
                        row[erasedColumn] = .null
                    }
                    try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                }
            }
            for contact in erased {
                try db.execute(sql: "UPDATE contact SET erasedAt = ? WHERE id = ?",
                               arguments: [Self.databaseValue(contact.at), Self.databaseValue(contact.id)])
            }
        }
    }

    static func databaseValue(_ value: StoredValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        }
    }
}
