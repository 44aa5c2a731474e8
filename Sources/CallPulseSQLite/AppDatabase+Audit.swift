import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// The latest `limit` lines of the audit trail, oldest first: all of it, or what concerns one
    /// campaign (the campaign itself, its contacts, interviews and follow-ups), from `since` on.
    /// Do-not-call changes concern every campaign, so they show only without a campaign.
    public func auditTrail(campaignID: String?, since: Int64?, limit: Int) throws -> [AuditEntry] {
        try read { db in
            var filter: SQL = "1"
            if let campaignID {
                _ = try Self.campaign(db, id: campaignID)
                filter = """
                    ((entity = 'campaign' AND entityId = \(campaignID))
                     OR (entity = 'contact' AND entityId IN (SELECT CAST(id AS TEXT) FROM contact WHERE campaignId = \(campaignID)))
                     OR (entity = 'interview' AND entityId IN (SELECT CAST(id AS TEXT) FROM interview WHERE campaignId = \(campaignID)))
                     OR (entity = 'followup' AND entityId IN (SELECT CAST(id AS TEXT) FROM followup WHERE campaignId = \(campaignID))))
                    """
            }
            if let since { filter = "\(filter) AND at >= \(since)" }
            return try SQLRequest<AuditEntry>("""
                SELECT * FROM (SELECT * FROM audit WHERE \(filter) ORDER BY id DESC LIMIT \(limit)) ORDER BY id
                """).fetchAll(db)
        }
    }
}
