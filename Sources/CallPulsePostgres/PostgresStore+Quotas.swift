import CallPulseDomain
import CallPulseStore
import Foundation

extension PostgresStore: QuotaStore {
    /// A quota row: its id and the quota.
    struct StoredQuota {
        var id: Int64
        var quota: Quota
    }

    /// The campaign's quotas, by name.
    public func quotas(campaignID: String) throws -> [Quota] {
        try read { conn in
            try Self.requireQuotaCampaign(conn, id: campaignID)
            return try Self.quotas(conn, campaignID: campaignID).map(\.quota)
        }
    }

    /// The campaign's quotas by name; `fieldsOnly`: only those on contact fields (what a claim needs).
    static func quotas(_ conn: PGConnection, campaignID: String, fieldsOnly: Bool = false) throws -> [StoredQuota] {
        try conn.execute("""
            SELECT id, name, definition, answerNames, target FROM quota
            WHERE campaignId = $1 AND (kind = 'fields' OR NOT $2::boolean) ORDER BY name COLLATE "C"
            """, [campaignID, fieldsOnly]).rows.map { row in
            let names = try JSONDecoder().decode([String].self, from: Data(try row.value("answerNames", as: String.self).utf8))
            let group = try QuotaGroup(stored: try row.value("definition"), answerNames: Set(names))
            return StoredQuota(id: try row.value("id"), quota: Quota(name: try row.value("name"), group: group,
                                                                     target: try row.value("target")))
        }
    }

    /// Adds a quota to a campaign, or changes the one of that name (definition and target); takes
    /// effect at the next claim. The definition is checked against the campaign's script and
    /// call-list fields (`QuotaDefinitionError`); the completes already made are counted in it.
    @discardableResult
    public func setQuota(campaignID: String, name: String, definition: String, target: Int, actor: String,
                         now: Int64) throws -> QuotaChange {
        let campaign = try read { try Self.quotaCampaign($0, id: campaignID) }
        guard campaign.status != .closed else { throw StoreError.campaignClosed(campaignID) }
        let script = try campaign.loadScript()
        let quota = try Quota.make(name: name, definition: definition, target: target,
                                   questionIDs: Set(script.questions.map(\.id)), fields: campaign.fields)
        return try write { conn in
            try Self.saveQuota(conn, quota, campaignID: campaignID, defaultLanguage: script.languages[0], actor: actor,
                               now: now)
        }
    }

    /// Inserts or updates one quota, recounting its completes when its group is new or changed,
    /// under the campaign's quota lock (`lockQuotas`).
    static func saveQuota(_ conn: PGConnection, _ quota: Quota, campaignID: String, defaultLanguage: String,
                          actor: String, now: Int64) throws -> QuotaChange {
        try lockQuotas(conn, campaignID: campaignID)
        let group = quota.group
        let names = String(decoding: try JSONEncoder().encode(group.answerNames.sorted()), as: UTF8.self)
        let existing = try conn.execute("SELECT id, definition FROM quota WHERE campaignId = $1 AND name = $2",
                                        [campaignID, quota.name]).first
        let id: Int64
        if let existing {
            id = try existing.value("id")
            try conn.execute("""
                UPDATE quota SET definition = $1, answerNames = $2, kind = $3, target = $4, changedAt = $5 WHERE id = $6
                """, [group.definition, names, group.kind.rawValue, quota.target, now, id])
        } else {
            id = try conn.execute("""
                INSERT INTO quota (campaignId, name, definition, answerNames, kind, target, createdAt, changedAt)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id
                """, [campaignID, quota.name, group.definition, names, group.kind.rawValue, quota.target, now])
                .scalar(Int64.self) ?? 0
        }
        if existing?["definition"] != group.definition {
            try conn.execute("DELETE FROM quotaInterview WHERE quotaId = $1", [id])
            try countCompletes(conn, in: StoredQuota(id: id, quota: quota), campaignID: campaignID)
        }
        try conn.execute("""
            INSERT INTO quotaSetting (campaignId, defaultLanguage, version) VALUES ($1, $2, \(newVersion))
            ON CONFLICT (campaignId) DO UPDATE SET defaultLanguage = excluded.defaultLanguage, version = \(newVersion)
            """, [campaignID, defaultLanguage])
        let change: QuotaChange = existing == nil ? .added : .changed
        try audit(conn, actor: actor, action: change == .added ? "quota-add" : "quota-change", entity: "campaign",
                  entityId: campaignID, detail: "\(quota.name): \(group.definition), target \(quota.target)", at: now)
        return change
    }

    /// A new random `quotaSetting.version` (SQL, within ±9·10¹⁸), drawn by every change to a campaign's quotas.
    private static let newVersion = "(floor((random() - 0.5) * 1.8e19))::bigint"

    /// Adds the quotas of the campaign's script (`quotas:`) when the campaign is created, in the
    /// caller's transaction (the one inserting `campaign`).
    static func insertScriptQuotas(_ conn: PGConnection, campaign: Campaign, actor: String) throws {
        let script = try campaign.loadScript()
        for quota in try ScriptQuota.quotas(of: script, fields: campaign.fields, file: campaign.scriptFile) {
            _ = try saveQuota(conn, quota, campaignID: campaign.id, defaultLanguage: script.languages[0], actor: actor,
                              now: campaign.createdAt)
        }
    }

    /// Removes a quota; its group is served again from the next claim.
    public func removeQuota(campaignID: String, name: String, actor: String, now: Int64) throws {
        try write { conn in
            try Self.requireQuotaCampaign(conn, id: campaignID)
            try Self.lockQuotas(conn, campaignID: campaignID)
            let removed = try conn.execute("DELETE FROM quota WHERE campaignId = $1 AND name = $2", [campaignID, name])
            guard removed.affectedRows > 0 else {
                throw QuotaError.notFound(campaign: campaignID, name: name,
                                          existing: try Self.quotas(conn, campaignID: campaignID).map(\.quota.name))
            }
            try conn.execute("UPDATE quotaSetting SET version = \(Self.newVersion) WHERE campaignId = $1", [campaignID])
            try Self.audit(conn, actor: actor, action: "quota-remove", entity: "campaign", entityId: campaignID, detail: name,
                           at: now)
        }
    }

    /// The campaign's quota options (defaults when never set).
    public func quotaOptions(campaignID: String) throws -> QuotaOptions {
        try read { conn in
            try Self.requireQuotaCampaign(conn, id: campaignID)
            return try Self.quotaOptions(conn, campaignID: campaignID).options
        }
    }

    /// The options, the default language (nil when no quota was ever set) and the quotas' version.
    static func quotaOptions(_ conn: PGConnection,
                             campaignID: String) throws -> (options: QuotaOptions, defaultLanguage: String?, version: Int64) {
        guard let row = try conn.execute("""
            SELECT balance, dropAppointments, defaultLanguage, version FROM quotaSetting WHERE campaignId = $1
            """, [campaignID]).first else { return (QuotaOptions(), nil, 0) }
        let options = QuotaOptions(balance: try row.value("balance", as: Int64.self) != 0,
                                   dropAppointments: try row.value("dropAppointments", as: Int64.self) != 0)
        return (options, try row.value("defaultLanguage"), try row.value("version"))
    }

    /// Changes the campaign's quota options (nil leaves one as it is), audited; takes effect at the next claim.
    @discardableResult
    public func setQuotaOptions(campaignID: String, balance: Bool? = nil, dropAppointments: Bool? = nil, actor: String,
                                now: Int64) throws -> QuotaOptions {
        let language = try read { try Self.quotaCampaign($0, id: campaignID) }.loadScript().languages[0]
        return try write { conn in
            try Self.lockQuotas(conn, campaignID: campaignID)
            var options = try Self.quotaOptions(conn, campaignID: campaignID).options
            options.balance = balance ?? options.balance
            options.dropAppointments = dropAppointments ?? options.dropAppointments
            try conn.execute("""
                INSERT INTO quotaSetting (campaignId, balance, dropAppointments, defaultLanguage) VALUES ($1, $2, $3, $4)
                ON CONFLICT (campaignId) DO UPDATE SET balance = excluded.balance, dropAppointments = excluded.dropAppointments
                """, [campaignID, options.balance ? 1 : 0, options.dropAppointments ? 1 : 0, language])
            try Self.audit(conn, actor: actor, action: "quota-options", entity: "campaign", entityId: campaignID,
                           detail: "balance \(options.balance ? "on" : "off"), appointments in full groups "
                               + (options.dropAppointments ? "dropped" : "kept"), at: now)
            return options
        }
    }

    /// Where each of the campaign's quotas stands now, with the contacts left in each field group.
    public func quotaStandings(campaignID: String, now: Int64) throws -> [QuotaStanding] {
        try read { conn in
            try Self.requireQuotaCampaign(conn, id: campaignID)
            return try Self.quotaStandings(conn, campaignID: campaignID, now: now, withSample: true).map(\.standing)
        }
    }

    /// The quota groups each complete interview of the campaign counted in, by interview id.
    public func quotaGroupsByInterview(campaignID: String) throws -> [Int64: [String]] {
        try read { conn in
            let rows = try conn.execute("""
                SELECT qi.interviewId, q.name FROM quotaInterview qi JOIN quota q ON q.id = qi.quotaId
                WHERE q.campaignId = $1 AND qi.complete = 1 ORDER BY q.name COLLATE "C"
                """, [campaignID]).rows
            return try rows.reduce(into: [:]) { groups, row in
                groups[try row.value("interviewId", as: Int64.self), default: []].append(try row.value("name"))
            }
        }
    }
}
