import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// Stores a new campaign; fails when the id is taken.
    public func createCampaign(_ campaign: Campaign, actor: String) throws {
        try write { db in
            if try Campaign.exists(db, key: campaign.id) { throw StoreError.campaignExists(campaign.id) }
            try campaign.insert(db)
            try Self.audit(db, actor: actor, action: "create", entity: "campaign", entityId: campaign.id,
                           detail: "script \(campaign.scriptId) from \(campaign.scriptFile)", at: campaign.createdAt)
            try Self.insertScriptQuotas(db, campaign: campaign, actor: actor)
        }
    }

    /// All campaigns, oldest first.
    public func campaigns() throws -> [Campaign] {
        try read { db in try Campaign.order(Column("createdAt"), Column("id")).fetchAll(db) }
    }

    /// The campaign with the given id; throws `StoreError.campaignNotFound` when there is none.
    public func campaign(id: String) throws -> Campaign {
        try read { db in try Self.campaign(db, id: id) }
    }

    static func campaign(_ db: Database, id: String) throws -> Campaign {
        guard let campaign = try Campaign.fetchOne(db, key: id) else { throw StoreError.campaignNotFound(id) }
        return campaign
    }

    /// The campaign's rules and status without its script text: what the calling path needs,
    /// read through a cached statement.
    static func campaignRules(_ db: Database, id: String) throws -> Campaign {
        let statement = try db.cachedStatement(sql: """
            SELECT id, client, title, status, scriptId, scriptFile, '' AS scriptYAML, fields, maxAttempts, weekdayWindow,
                   saturdayWindow, sundayWindow, timeZone, quarantineDays, createdAt, closedAt
            FROM campaign WHERE id = ?
            """)
        guard let campaign = try Campaign.fetchOne(statement, arguments: [id]) else { throw StoreError.campaignNotFound(id) }
        return campaign
    }

    /// Pauses, resumes or closes a campaign, recording who did it.
    @discardableResult
    public func setStatus(_ status: Campaign.Status, campaignID: String, actor: String, at now: Int64) throws -> Campaign {
        try write { db in
            var campaign = try Self.campaign(db, id: campaignID)
            if campaign.status == .closed, status != .closed { throw StoreError.campaignClosed(campaignID) }
            guard campaign.status != status else { return campaign }
            campaign.status = status
            campaign.closedAt = status == .closed ? now : nil
            try campaign.update(db)
            try Self.audit(db, actor: actor, action: status.auditAction, entity: "campaign", entityId: campaignID, at: now)
            return campaign
        }
    }

    /// Counts a campaign's contacts by state; `now` decides which leases are still held.
    public func contactCounts(campaignID: String, now: Int64) throws -> ContactCounts {
        try read { db in
            var counts = ContactCounts()
            let rows = try Row.fetchAll(db, sql: """
                SELECT status, disposition, attempts = 0 AS fresh, COALESCE(leaseUntil > ?, 0) AS leased,
                       lastCode, count(*) AS n
                FROM contact WHERE campaignId = ? AND id < ? GROUP BY 1, 2, 3, 4, 5
                """, arguments: [now, campaignID, try Self.firstStagedContactID(db)])
            for row in rows {
                let n: Int = row["n"]
                counts.total += n
                if row["leased"] as Bool { counts.inProgress += n }
                switch row["status"] as String {
                case "done":
                    counts.done += n
                    counts.byDisposition[row["disposition"] ?? "?", default: 0] += n
                case "new" where row["fresh"] as Bool: counts.neverCalled += n
                default:
                    counts.scheduled += n
                    if let code: String = row["lastCode"] { counts.scheduledByLastCode[code, default: 0] += n }
                }
            }
            return counts
        }
    }
}

extension Campaign.Status {
    var auditAction: String {
        switch self {
        case .active: "resume"
        case .paused: "pause"
        case .closed: "close"
        }
    }
}
