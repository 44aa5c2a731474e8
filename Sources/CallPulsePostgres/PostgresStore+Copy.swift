import CallPulseStore

extension PostgresStore: CopyTarget {
    public var takesDerivedTables: Bool { true }

    /// The copy in one transaction with CallPulse's own triggers off on every table it writes
    /// (`ALTER TABLE … DISABLE TRIGGER USER`, undone before the commit; the foreign keys stay
    /// checked, and so is a contact's campaign, which a trigger checks otherwise): the tallies
    /// come with the rows (`takesDerivedTables`), and an erased contact's history goes in as it
    /// is. Needs the tables' owner, the role that created the schema.
    public func copyIn(_ body: ((String, [String], [[StoredValue]]) throws -> Void) throws -> Void) throws {
        try withConnection { connection in
            try connection.transaction { connection in
                let tables = CopyPlan.tables + CopyPlan.derivedTables
                for table in tables { try connection.execute("ALTER TABLE \(table) DISABLE TRIGGER USER") }
                try body { table, columns, rows in
                    try connection.copyIn("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN",
                                          rows: rows.map { $0.map(Self.parameter) })
                }
                // A contact's campaign is checked by a trigger (v11-contact-campaign-per-statement), off here.
                try connection.execute("SELECT callpulse_contact_campaigns_exist(ARRAY(SELECT DISTINCT campaignId FROM contact ORDER BY campaignId))")
                for table in tables { try connection.execute("ALTER TABLE \(table) ENABLE TRIGGER USER") }
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
