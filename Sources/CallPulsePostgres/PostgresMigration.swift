/// One named step of the PostgreSQL schema: the same name as the SQLite migration that means the
/// same thing, and the SQL (several statements) that makes it. Never edited once landed.
public struct PostgresMigration: Sendable {
    /// The migration's name, recorded in `schema_migrations` once it ran.
    public let name: String
    /// The statements, run in one transaction.
    let sql: String
}
