import Foundation
import GRDB

/// One line of the audit trail: who changed an answer or personal data, or closed a campaign, and when.
public struct AuditEntry: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var at: Int64
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var detail: String?

    public static let databaseTableName = "audit"

    public init(at: Int64, actor: String, action: String, entity: String, entityId: String, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }

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
