import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// A quota row: its id and the quota.
    struct StoredQuota {
        var id: Int64
        var quota: Quota
    }

    /// The campaign's quotas, by name.
    public func quotas(campaignID: String) throws -> [Quota] {
        try read { db in
            _ = try Self.campaignRules(db, id: campaignID)
            return try Self.quotas(db, campaignID: campaignID).map(\.quota)
        }
    }

    /// The campaign's quotas by name; `fieldsOnly`: only those on contact fields (what a claim needs).
    /// With `version` (`quotaOptions`), a list read at that version in this process is reused.
    static func quotas(_ db: Database, campaignID: String, fieldsOnly: Bool = false, version: Int64? = nil) throws -> [StoredQuota] {
        if let version {
            return try QuotaCache.shared.quotas(campaignID: campaignID, fieldsOnly: fieldsOnly, version: version) {
                try quotas(db, campaignID: campaignID, fieldsOnly: fieldsOnly)
            }
        }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, name, definition, answerNames, target FROM quota
            WHERE campaignId = ? AND (kind = 'fields' OR NOT ?) ORDER BY name
            """), arguments: [campaignID, fieldsOnly])
        return try rows.map { row in
            let group = try QuotaCache.shared.group(definition: row["definition"], answerNames: row["answerNames"])
            return StoredQuota(id: row["id"], quota: Quota(name: row["name"], group: group, target: row["target"]))
        }
    }

    /// Adds a quota to a campaign, or changes the one of that name (definition and target); takes
    /// effect at the next claim. The definition is checked against the campaign's script and
    /// call-list fields (`QuotaDefinitionError`); the completes already made are counted in it.
    @discardableResult
    public func setQuota(campaignID: String, name: String, definition: String, target: Int, actor: String,
                         now: Int64) throws -> QuotaChange {
        let campaign = try campaign(id: campaignID)
        guard campaign.status != .closed else { throw StoreError.campaignClosed(campaignID) }
        let script = try campaign.loadScript()
        let quota = try Quota.make(name: name, definition: definition, target: target,
                                   questionIDs: Set(script.questions.map(\.id)), fields: campaign.fields)
        return try write { db in
            try Self.saveQuota(db, quota, campaignID: campaignID, defaultLanguage: script.languages[0], actor: actor, now: now)
        }
    }

    /// Inserts or updates one quota, recounting its completes when its group is new or changed.
    static func saveQuota(_ db: Database, _ quota: Quota, campaignID: String, defaultLanguage: String, actor: String,
                          now: Int64) throws -> QuotaChange {
        let group = quota.group
        let names = String(decoding: try JSONEncoder().encode(group.answerNames.sorted()), as: UTF8.self)
        let existing = try Row.fetchOne(db, sql: "SELECT id, definition FROM quota WHERE campaignId = ? AND name = ?",
                                        arguments: [campaignID, quota.name])
        let id: Int64
        if let existing {
            id = existing["id"]
            try db.execute(sql: """
                UPDATE quota SET definition = ?, answerNames = ?, kind = ?, target = ?, changedAt = ? WHERE id = ?
                """, arguments: [group.definition, names, group.kind.rawValue, quota.target, now, id])
        } else {
            try db.execute(sql: """
                INSERT INTO quota (campaignId, name, definition, answerNames, kind, target, createdAt, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [campaignID, quota.name, group.definition, names, group.kind.rawValue, quota.target, now, now])
            id = db.lastInsertedRowID
        }
        if existing?["definition"] != group.definition {
            try db.execute(sql: "DELETE FROM quotaInterview WHERE quotaId = ?", arguments: [id])
            try countCompletes(db, in: StoredQuota(id: id, quota: quota), campaignID: campaignID)
        }
        try db.execute(sql: """
            INSERT INTO quotaSetting (campaignId, defaultLanguage, version) VALUES (?, ?, random())
            ON CONFLICT (campaignId) DO UPDATE SET defaultLanguage = excluded.defaultLanguage, version = random()
            """, arguments: [campaignID, defaultLanguage])
        let change: QuotaChange = existing == nil ? .added : .changed
        try audit(db, actor: actor, action: change == .added ? "quota-add" : "quota-change", entity: "campaign",
                  entityId: campaignID, detail: "\(quota.name): \(group.definition), target \(quota.target)", at: now)
        return change
    }

    /// Adds the quotas of the campaign's script (`quotas:`) when the campaign is created.
    static func insertScriptQuotas(_ db: Database, campaign: Campaign, actor: String) throws {
        let script = try campaign.loadScript()
        for quota in try ScriptQuota.quotas(of: script, fields: campaign.fields, file: campaign.scriptFile) {
            _ = try saveQuota(db, quota, campaignID: campaign.id, defaultLanguage: script.languages[0], actor: actor,
                              now: campaign.createdAt)
        }
    }

    /// Removes a quota; its group is served again from the next claim.
    public func removeQuota(campaignID: String, name: String, actor: String, now: Int64) throws {
        try write { db in
            _ = try Self.campaignRules(db, id: campaignID)
            try db.execute(sql: "DELETE FROM quota WHERE campaignId = ? AND name = ?", arguments: [campaignID, name])
            guard db.changesCount > 0 else {
                throw QuotaError.notFound(campaign: campaignID, name: name,
                                          existing: try Self.quotas(db, campaignID: campaignID).map(\.quota.name))
            }
            try db.execute(sql: "UPDATE quotaSetting SET version = random() WHERE campaignId = ?", arguments: [campaignID])
            try Self.audit(db, actor: actor, action: "quota-remove", entity: "campaign", entityId: campaignID,
                           detail: name, at: now)
        }
    }

    /// The campaign's quota options (defaults when never set).
    public func quotaOptions(campaignID: String) throws -> QuotaOptions {
        try read { db in
            _ = try Self.campaignRules(db, id: campaignID)
            return try Self.quotaOptions(db, campaignID: campaignID).options
        }
    }

    /// The options, the default language (nil when no quota was ever set) and the quotas' version.
    static func quotaOptions(_ db: Database,
                             campaignID: String) throws -> (options: QuotaOptions, defaultLanguage: String?, version: Int64) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT balance, dropAppointments, defaultLanguage, version FROM quotaSetting WHERE campaignId = ?
            """), arguments: [campaignID]) else { return (QuotaOptions(), nil, 0) }
        return (QuotaOptions(balance: row["balance"], dropAppointments: row["dropAppointments"]), row["defaultLanguage"],
                row["version"])
    }

    /// Changes the campaign's quota options (nil leaves one as it is), audited; takes effect at the next claim.
    @discardableResult
    public func setQuotaOptions(campaignID: String, balance: Bool? = nil, dropAppointments: Bool? = nil, actor: String,
                                now: Int64) throws -> QuotaOptions {
        let campaign = try campaign(id: campaignID)
        let language = try campaign.loadScript().languages[0]
        return try write { db in
            var options = try Self.quotaOptions(db, campaignID: campaignID).options
            options.balance = balance ?? options.balance
            options.dropAppointments = dropAppointments ?? options.dropAppointments
            try db.execute(sql: """
                INSERT INTO quotaSetting (campaignId, balance, dropAppointments, defaultLanguage) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaignId) DO UPDATE SET balance = excluded.balance, dropAppointments = excluded.dropAppointments
                """, arguments: [campaignID, options.balance, options.dropAppointments, language])
            try Self.audit(db, actor: actor, action: "quota-options", entity: "campaign", entityId: campaignID,
                           detail: "balance \(options.balance ? "on" : "off"), appointments in full groups "
                               + (options.dropAppointments ? "dropped" : "kept"), at: now)
            return options
        }
    }

    /// Where each of the campaign's quotas stands now, with the contacts left in each field group.
    public func quotaStandings(campaignID: String, now: Int64) throws -> [QuotaStanding] {
        try read { db in
            _ = try Self.campaignRules(db, id: campaignID)
            return try Self.quotaStandings(db, campaignID: campaignID, now: now, withSample: true).map(\.standing)
        }
    }

    /// The quota groups each complete interview of the campaign counted in, by interview id.
    public func quotaGroupsByInterview(campaignID: String) throws -> [Int64: [String]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT qi.interviewId, q.name FROM quotaInterview qi JOIN quota q ON q.id = qi.quotaId
                WHERE q.campaignId = ? AND qi.complete = 1 ORDER BY q.name
                """, arguments: [campaignID])
            return rows.reduce(into: [:]) { groups, row in groups[row["interviewId"], default: []].append(row["name"]) }
        }
    }
}
