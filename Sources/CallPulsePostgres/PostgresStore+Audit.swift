import CallPulseDomain
import CallPulseStore

/// `AuditStore` on PostgreSQL, and the one helper every write uses to add an audit line.
extension PostgresStore: AuditStore {
    /// Appends to the audit trail inside the caller's transaction.
    static func audit(_ conn: PGConnection, actor: String, action: String, entity: String, entityId: String,
                      detail: String? = nil, at: Int64) throws {
        try conn.execute("""
            INSERT INTO audit (at, actor, action, entity, entityId, detail) VALUES ($1, $2, $3, $4, $5, $6)
            """, [at, actor, action, entity, entityId, detail])
    }

    /// The latest `limit` lines of the audit trail, oldest first: all of it, or what concerns one
    /// campaign (the campaign itself, its contacts, interviews and follow-ups), from `since` on.
    /// Do-not-call changes concern every campaign, so they show only without a campaign.
    public func auditTrail(campaignID: String?, since: Int64?, limit: Int) throws -> [AuditEntry] {
        try read { conn in
            if let campaignID { _ = try Self.campaignRules(conn, id: campaignID) }
            return try conn.execute("""
                SELECT * FROM (
                    SELECT * FROM audit
                    WHERE ($1::text IS NULL
                           OR (entity = 'campaign' AND entityId = $1)
                           OR (entity = 'contact' AND entityId IN (SELECT id::text FROM contact WHERE campaignId = $1))
                           OR (entity = 'interview' AND entityId IN (SELECT id::text FROM interview WHERE campaignId = $1))
                           OR (entity = 'followup' AND entityId IN (SELECT id::text FROM followup WHERE campaignId = $1)))
                      AND ($2::bigint IS NULL OR at >= $2)
                    ORDER BY id DESC LIMIT $3
                ) latest ORDER BY id
                """, [campaignID, since, limit]).records(AuditEntry.init(pgRow:))
        }
    }
}
