import CallPulseDomain
import CallPulseStore
import Foundation

/// What the quota methods need of the rest of the store, in the caller's transaction: the
/// campaign, the lease check, the audit trail, and the per-campaign quota lock.
extension PostgresStore {
    /// Serializes the campaign's quota decisions until the transaction ends: claims of a campaign
    /// with quotas, `holdQuotaPlaces`, `countInQuotas` and quota changes take it first.
    ///
    /// SQLite runs one writer at a time, so its claim counts a group and takes a place in one
    /// step no other console can come between. PostgreSQL runs writers side by side, and at READ
    /// COMMITTED each statement sees what committed before it: two consoles could both count a
    /// group one short of full and both enter it. A transaction-level advisory lock on the
    /// campaign (`hashtext('quota:' || id)`, outside the 64-bit key the migrations use) makes them
    /// take turns; the next one's statements then see the place the first one took.
    static func lockQuotas(_ conn: PGConnection, campaignID: String) throws {
        try conn.execute("SELECT pg_advisory_xact_lock(hashtext('quota:' || $1::text))", [campaignID])
    }

    /// Throws `StoreError.campaignNotFound` unless the campaign exists.
    static func requireQuotaCampaign(_ conn: PGConnection, id: String) throws {
        guard try conn.execute("SELECT 1 FROM campaign WHERE id = $1", [id]).first != nil else {
            throw StoreError.campaignNotFound(id)
        }
    }

    /// The campaign with its script; `StoreError.campaignNotFound` when there is none.
    static func quotaCampaign(_ conn: PGConnection, id: String) throws -> Campaign {
        guard let row = try conn.execute("SELECT * FROM campaign WHERE id = $1", [id]).first else {
            throw StoreError.campaignNotFound(id)
        }
        let fields = try JSONDecoder().decode([String].self, from: Data(try row.value("fields", as: String.self).utf8))
        guard let status = Campaign.Status(rawValue: try row.value("status")) else { throw StoreError.campaignNotFound(id) }
        return Campaign(id: try row.value("id"), client: try row.value("client"), title: try row.value("title"), status: status,
                        scriptId: try row.value("scriptId"), scriptFile: try row.value("scriptFile"),
                        scriptYAML: try row.value("scriptYAML"), fields: fields, maxAttempts: try row.value("maxAttempts"),
                        weekdayWindow: try row.value("weekdayWindow"), saturdayWindow: try row.value("saturdayWindow"),
                        sundayWindow: try row.value("sundayWindow"), timeZone: try row.value("timeZone"),
                        quarantineDays: try row.value("quarantineDays"), createdAt: try row.value("createdAt"),
                        closedAt: try row.value("closedAt"))
    }
}
