/// CallPulse's schema on PostgreSQL: the same tables, columns, indexes, constraints and
/// trigger-kept tallies as the SQLite schema, built by migrations named as the SQLite ones.
///
/// Tables go in the connection's current schema (the first existing one on `search_path`), with
/// unquoted names, so PostgreSQL folds them to lower case (`campaignId` is stored as `campaignid`)
/// and SQL written for SQLite names them the same way. Applied migrations are recorded in
/// `schema_migrations`. Each runs in its own transaction holding a transaction-level advisory lock,
/// so two programs starting on an empty database at once apply each migration exactly once.
///
/// The tally triggers only ever add to a counter in place (`INSERT … ON CONFLICT DO UPDATE SET
/// n = t.n + excluded.n`, `UPDATE … SET n = n - k`), never read it and write back, so they stay
/// exact with concurrent writers at READ COMMITTED (the default isolation level, which they assume).
public enum PostgresSchema {
    /// Every migration, in the order they run.
    public static let migrations: [PostgresMigration] = [
        core, exportIndexes, statsTallies, stagedImports, erasure, cardLeaseSession, agentSessions, choiceTallies,
        phoneCallParadata, quotas, queueOrder, tallySlots, contactZones, stagingWithoutForeignKey,
        publishTallySetting, contactCampaignPerStatement,
    ]

    /// The key of the advisory lock migrations hold ("CPschema" in ASCII).
    static let migrationLockKey: Int64 = 0x4350_7363_6865_6D61

    /// The names of the migrations the database has, in the order they ran (empty on a new database).
    public static func appliedMigrations(_ connection: PGConnection) throws -> [String] {
        guard try connection.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").scalar(Bool.self) == true else {
            return []
        }
        return try connection.execute("SELECT identifier FROM schema_migrations ORDER BY appliedAt, identifier")
            .rows.map { try $0.value(at: 0) }
    }

    /// Whether every migration has run (a read only: no lock, no write).
    public static func hasCompletedMigrations(_ connection: PGConnection) throws -> Bool {
        Set(try appliedMigrations(connection)).isSuperset(of: migrations.map(\.name))
    }

    /// Brings the database to the current schema, running each missing migration in one
    /// transaction under the migration lock. Does nothing (and writes nothing) when it is current.
    ///
    /// - Throws: `PostgresSchemaError` when the user lacks a right the migration needs,
    ///   `PostgresError` otherwise.
    public static func migrate(_ connection: PGConnection) throws {
        if try hasCompletedMigrations(connection) { return }
        for migration in migrations {
            do {
                try connection.retryingTransaction { connection in
                    try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", [migrationLockKey])
                    // The catalog itself, not to_regclass: its cache may not yet know of a table another
                    // program created while this one waited for the lock.
                    let exists = try connection.execute("""
                        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class
                                       WHERE relname = 'schema_migrations' AND relnamespace = current_schema()::regnamespace)
                        """).scalar(Bool.self)
                    if exists != true {
                        try connection.execute("""
                            CREATE TABLE schema_migrations (
                                identifier TEXT PRIMARY KEY NOT NULL,
                                appliedAt TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
                            )
                            """)
                    }
                    let done = try connection.execute("SELECT 1 FROM schema_migrations WHERE identifier = $1",
                                                      [migration.name])
                    guard done.rows.isEmpty else { return }
                    try connection.execute(migration.sql)
                    try connection.execute("INSERT INTO schema_migrations (identifier) VALUES ($1)", [migration.name])
                }
            } catch let error as PostgresError where error.isPermissionDenied || error.sqlState == "3F000" {
                throw try explain(error, migration: migration.name, connection)
            }
        }
    }

    /// The schema error for a permission failure while running `migration`.
    private static func explain(_ error: PostgresError, migration: String, _ connection: PGConnection) throws -> Error {
        guard let who = try connection.execute("SELECT current_user, current_schema(), current_database()").first else {
            return error
        }
        let user: String = try who.value(at: 0), database: String = try who.value(at: 2)
        guard let schema: String = try who.value(at: 1) else { return PostgresSchemaError.noSchema(user: user, database: database) }
        if error.message.hasPrefix("permission denied for schema") {
            return PostgresSchemaError.mayNotCreate(user: user, schema: schema, database: database)
        }
        return PostgresSchemaError.mayNotChange(user: user, database: database, migration: migration,
                                                serverMessage: error.message)
    }
}
