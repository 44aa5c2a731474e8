import Foundation

/// Moves a campaign built in SQLite onto a new PostgreSQL database table by table (P2, P3, P4).
///
/// `callpulse db copy` would be the way, but it writes everything in one transaction with the
/// tally triggers firing for each row, and PostgreSQL walks a longer chain of row versions for
/// every update of the same tally row in one transaction: on the B3 campaign each 5,000-row batch
/// of contacts took 12–14 s and growing (measured 2026-12-05), hours for 1,000,000; one
/// `INSERT … SELECT` of the P2 campaign's 1,000,000 contacts ran 5 minutes without ending. So the bench
/// lets `callpulse` create the schema, then loads every table the two engines share — the tallies
/// too, as SQLite's triggers kept them — with `sqlite3` CSV and `psql \copy`, triggers off
/// (`session_replication_role = replica`: needs a superuser, as on the private server), and
/// checks that `stats --json` says the same on both sides.
struct PostgresTableLoad {
    let context: BenchContext
    let server: BenchPostgresServer
    /// What a NULL is in the CSV files, so an empty string stays one.
    static let null = "<<NULL>>"

    /// Loads `source` (an SQLite file) into `database` (new, empty) on the server and checks
    /// `campaign`'s figures on both.
    func load(_ source: String, into database: String, checking campaign: String) throws {
        let address = server.address(database)
        let migrated = try Spawn.run(context.callpulse, ["campaign", "list", "--db", address])
        guard migrated.status == 0 else { throw BenchError("callpulse cannot create the schema on \(database)") }
        var script = ["SET session_replication_role = replica;", "BEGIN;"]
        for table in try tables(source) {
            let columns = try sqlite(source, "SELECT name FROM pragma_table_info('\(table)')").split(separator: "\n")
                .map(String.init)
            let csv = context.file("p3-\(table).csv")
            let dump = try Spawn.run("sqlite3", ["-csv", "-cmd", ".nullvalue \(Self.null)", "-cmd", ".output \(csv)", source,
                                                 "SELECT \(columns.joined(separator: ", ")) FROM \(table)"])
            guard dump.status == 0 else { throw BenchError("sqlite3 cannot read \(table)") }
            script.append("\\copy \(table) (\(columns.joined(separator: ", "))) FROM '\(csv)' WITH (FORMAT csv, NULL '\(Self.null)')")
        }
        // Identity columns continue after the loaded ids, as they would after inserts.
        script.append("""
            SELECT format('SELECT setval(%L, max(id)) FROM %I HAVING max(id) IS NOT NULL',
                          pg_get_serial_sequence(table_name, 'id'), table_name)
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES' \\gexec
            """)
        script.append("COMMIT;")
        let scriptFile = context.file("p3-load.sql")
        try script.joined(separator: "\n").write(toFile: scriptFile, atomically: true, encoding: .utf8)
        let loaded = try Spawn.run("psql", [address, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", scriptFile])
        for table in try tables(source) { unlink(context.file("p3-\(table).csv")) }
        guard loaded.status == 0 else { throw BenchError("psql could not load \(source) (see above)") }
        try server.psql(address, "VACUUM ANALYZE")
        try checkStats(campaign, source, address)
    }

    /// The tables both engines have: SQLite's own but its bookkeeping.
    private func tables(_ source: String) throws -> [String] {
        try sqlite(source, """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """).split(separator: "\n").map(String.init)
    }

    private func sqlite(_ file: String, _ sql: String) throws -> String {
        let result = try Spawn.run("sqlite3", [file, sql])
        guard result.status == 0 else { throw BenchError("sqlite3 failed on: \(sql)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The copy is good when `stats --json` of `campaign` is the same on both engines.
    private func checkStats(_ campaign: String, _ source: String, _ address: String) throws {
        let onSQLite = try Spawn.run(context.callpulse, ["stats", campaign, "--json", "--db", source])
        let onPostgres = try Spawn.run(context.callpulse, ["stats", campaign, "--json", "--db", address])
        guard onSQLite.status == 0, onPostgres.status == 0, onSQLite.output == onPostgres.output else {
            throw BenchError("campaign \(campaign)'s stats --json differ between SQLite and PostgreSQL after the load")
        }
    }
}
