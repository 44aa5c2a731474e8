import CallPulseStore

extension PostgresStore: CopyTarget {
    public func copyIn(_ body: ((String, [String], [[StoredValue]]) throws -> Void) throws -> Void) throws {
        try withConnection { connection in
            try connection.transaction { connection in
                var erased: [(id: StoredValue, at: StoredValue)] = []
                try body { table, columns, rows in
                    let erasedColumn = table == "contact" ? columns.firstIndex(of: "erasedAt") : nil
                    let idColumn = columns.firstIndex(of: "id")
                    let values: [[(any PGParameter)?]] = rows.map { row in
                        var row = row
                        if let erasedColumn, let idColumn, row[erasedColumn] != .null {
                            erased.append((row[idColumn], row[erasedColumn]))
                            row[erasedColumn] = .null
                        }
                        return row.map(Self.parameter)
                    }
                    try connection.copyIn("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN", rows: values)
                }
                for contact in erased {
                    try connection.execute("UPDATE contact SET erasedAt = $1 WHERE id = $2",
                                           [Self.parameter(contact.at), Self.parameter(contact.id)])
                }
                // Ids handed out from now on follow the copied ones.
                for table in CopyPlan.identityTables {
                    try connection.execute("""
                        SELECT setval(pg_get_serial_sequence('\(table.lowercased())', 'id'),
                                      COALESCE((SELECT max(id) FROM \(table)), 0) + 1, false)
                        """)
                }
            }
        }
    }

    public func rowCount(of table: String) throws -> Int {
        try read { try $0.execute("SELECT count(*) FROM \(table)").scalar(Int.self) ?? 0 }
    }

    static func parameter(_ value: StoredValue) -> (any PGParameter)? {
        switch value {
        case .null: nil
        case let .integer(number): number
        case let .real(number): number
        case let .text(text): text
        }
    }
}
