import Foundation

/// One line of the audit trail: who changed an answer or personal data, or closed a campaign, and when.
public struct AuditEntry: Codable, Sendable {
    public var id: Int64?
    public var at: Int64
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var detail: String?

    public init(at: Int64, actor: String, action: String, entity: String, entityId: String, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }

}
