/// The audit trail: who changed what, when.
public protocol AuditStore: Sendable {
    /// The newest `limit` entries of one campaign (or all) since `since`, oldest first.
    func auditTrail(campaignID: String?, since: Int64?, limit: Int) throws -> [AuditEntry]
}
