import CallPulseDomain
import CallPulseStore
import GRDB

extension AuditEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Appends to the audit trail inside the caller's transaction.
    static func audit(_ db: Database, actor: String, action: String, entity: String, entityId: String,
                      detail: String? = nil, at: Int64) throws {
        var entry = AuditEntry(at: at, actor: actor, action: action, entity: entity, entityId: entityId, detail: detail)
        try entry.insert(db)
    }
}
