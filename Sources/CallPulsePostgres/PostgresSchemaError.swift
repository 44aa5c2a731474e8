import Foundation

/// Why CallPulse could not create or migrate its schema on a PostgreSQL database.
public enum PostgresSchemaError: Error, LocalizedError, Equatable {
    /// The user lacks CREATE on the schema the tables go in (SQLSTATE 42501 on CREATE).
    case mayNotCreate(user: String, schema: String, database: String)
    /// The user may not change a table (it belongs to another role) or lacks another right.
    case mayNotChange(user: String, database: String, migration: String, serverMessage: String)
    /// No schema on the search path exists, so there is nowhere to create the tables.
    case noSchema(user: String, database: String)

    public var errorDescription: String? {
        switch self {
        case let .mayNotCreate(user, schema, database):
            "the database user \(user) may not create tables in schema \(schema) of database \(database): "
                + "ask its owner for GRANT CREATE ON SCHEMA \(schema) TO \(user), or run the first start as the owner"
        case let .mayNotChange(user, database, migration, serverMessage):
            "the database user \(user) may not upgrade the CallPulse tables in database \(database) "
                + "(migration \(migration): \(serverMessage)): run this upgrade once as the tables' owner"
        case let .noSchema(user, database):
            "the database user \(user) has no schema to create tables in, in database \(database) "
                + "(none of its search_path exists): create one, or set search_path in the connection string"
        }
    }
}
