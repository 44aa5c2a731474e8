import CallPulseDomain
import CallPulseStore
import Foundation

/// `CampaignStore` on PostgreSQL: SQLite's `AppDatabase+Campaigns` with the same audit lines.
extension PostgresStore: CampaignStore {
    /// Stores a new campaign; `StoreError.campaignExists` when its id is taken (also by a create
    /// running at the same moment: the insert does nothing on the conflict, and says so).
    public func createCampaign(_ campaign: Campaign, actor: String) throws {
        try write { conn in
            let inserted = try conn.execute("""
                INSERT INTO campaign (id, client, title, status, scriptId, scriptFile, scriptYAML, fields, maxAttempts,
                                      weekdayWindow, saturdayWindow, sundayWindow, timeZone, quarantineDays, createdAt,
                                      closedAt)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                ON CONFLICT (id) DO NOTHING
                """, [campaign.id, campaign.client, campaign.title, campaign.status.rawValue, campaign.scriptId,
                      campaign.scriptFile, campaign.scriptYAML, Self.jsonArray(campaign.fields), campaign.maxAttempts,
                      campaign.weekdayWindow, campaign.saturdayWindow, campaign.sundayWindow, campaign.timeZone,
                      campaign.quarantineDays, campaign.createdAt, campaign.closedAt])
            guard inserted.affectedRows == 1 else { throw StoreError.campaignExists(campaign.id) }
            try Self.audit(conn, actor: actor, action: "create", entity: "campaign", entityId: campaign.id,
                           detail: "script \(campaign.scriptId) from \(campaign.scriptFile)", at: campaign.createdAt)
            try Self.insertScriptQuotas(conn, campaign: campaign, actor: actor)
        }
    }

    /// Every campaign, oldest first.
    public func campaigns() throws -> [Campaign] {
        try read { conn in
            try conn.execute("SELECT * FROM campaign ORDER BY createdAt, id").records(Campaign.init(pgRow:))
        }
    }

    /// The campaign with its script text; `StoreError.campaignNotFound` when there is none.
    public func campaign(id: String) throws -> Campaign {
        try read { conn in try Self.campaign(conn, id: id) }
    }

    /// The campaign `id` in the caller's transaction (`FOR UPDATE` when `locking`).
    static func campaign(_ conn: PGConnection, id: String, locking: Bool = false) throws -> Campaign {
        let sql = "SELECT * FROM campaign WHERE id = $1" + (locking ? " FOR UPDATE" : "")
        guard let row = try conn.execute(sql, [id]).first else { throw StoreError.campaignNotFound(id) }
        return try Campaign(pgRow: row)
    }

    /// The campaign's rules and status without its script text, in the caller's transaction.
    static func campaignRules(_ conn: PGConnection, id: String) throws -> Campaign {
        guard let row = try conn.execute("""
            SELECT id, client, title, status, scriptId, scriptFile, '' AS scriptYAML, fields, maxAttempts, weekdayWindow,
                   saturdayWindow, sundayWindow, timeZone, quarantineDays, createdAt, closedAt
            FROM campaign WHERE id = $1
            """, [id]).first
        else { throw StoreError.campaignNotFound(id) }
        return try Campaign(pgRow: row)
    }

    /// Pauses, resumes or closes a campaign, recording who did it. The campaign row is locked
    /// first, so two supervisors changing it take turns and each sees the other's status.
    @discardableResult
    public func setStatus(_ status: Campaign.Status, campaignID: String, actor: String, at now: Int64) throws -> Campaign {
        try write { conn in
            var campaign = try Self.campaign(conn, id: campaignID, locking: true)
            if campaign.status == .closed, status != .closed { throw StoreError.campaignClosed(campaignID) }
            guard campaign.status != status else { return campaign }
            campaign.status = status
            campaign.closedAt = status == .closed ? now : nil
            try conn.execute("UPDATE campaign SET status = $1, closedAt = $2 WHERE id = $3",
                             [status.rawValue, campaign.closedAt, campaignID])
            try Self.audit(conn, actor: actor, action: Self.auditAction(status), entity: "campaign", entityId: campaignID,
                           at: now)
            return campaign
        }
    }

    /// Counts a campaign's contacts by state (contacts of an import still staging left out);
    /// `now` decides which leases are still held.
    public func contactCounts(campaignID: String, now: Int64) throws -> ContactCounts {
        try read { conn in
            var counts = ContactCounts()
            let rows = try conn.execute("""
                SELECT status, disposition, attempts = 0 AS fresh, COALESCE(leaseUntil > $1, false) AS leased,
                       lastCode, count(*) AS n
                FROM contact c WHERE campaignId = $2 AND \(Self.published("c"))
                GROUP BY 1, 2, 3, 4, 5
                """, [now, campaignID]).rows
            for row in rows {
                let n: Int = try row.value("n")
                counts.total += n
                if try row.value("leased", as: Bool.self) { counts.inProgress += n }
                switch try row.value("status", as: String.self) {
                case "done":
                    counts.done += n
                    counts.byDisposition[try row.value("disposition", as: String?.self) ?? "?", default: 0] += n
                case "new" where try row.value("fresh", as: Bool.self): counts.neverCalled += n
                default:
                    counts.scheduled += n
                    if let code = try row.value("lastCode", as: String?.self) {
                        counts.scheduledByLastCode[code, default: 0] += n
                    }
                }
            }
            return counts
        }
    }

    /// The call-list fields the campaign's contacts carry (the campaign's own and one contact's),
    /// sorted.
    public func contactFieldNames(campaign: Campaign) throws -> [String] {
        let sample = try read { conn in
            try conn.execute("SELECT fields FROM contact WHERE campaignId = $1 LIMIT 1", [campaign.id]).scalar(String.self)
        }
        let keys = sample.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?.keys
        return Set(campaign.fields).union(keys ?? [:].keys).sorted()
    }

    /// SQL true for a contact (table alias `alias`) that is published: not of an import still
    /// staging. Serving and counting queries hold it; ids say nothing here (they come from an
    /// IDENTITY and a staged import's contacts are not one range), the import's state does.
    static func published(_ alias: String) -> String {
        "NOT EXISTS (SELECT 1 FROM callListImport si WHERE si.id = \(alias).importId AND si.state = 'staging')"
    }

    /// `strings` as a JSON array, as the `fields` columns hold them.
    static func jsonArray(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The audit action of a status change.
    static func auditAction(_ status: Campaign.Status) -> String {
        switch status {
        case .active: "resume"
        case .paused: "pause"
        case .closed: "close"
        }
    }
}
