import Foundation

extension StatsSnapshot {
    /// Computes a campaign's snapshot at `now` from the database, in one read transaction.
    ///
    /// - Parameter breakdownField: a contact field to break scores down by; must be one of the
    ///   campaign's fields (throws `StatsError.unknownField` listing them otherwise).
    /// - Throws: `StoreError.campaignNotFound` for an unknown campaign.
    public static func load(database: AppDatabase, campaignID: String, breakdownField: String? = nil,
                            now: Int64) throws -> StatsSnapshot {
        let campaign = try database.campaign(id: campaignID)
        if let field = breakdownField {
            let available = try database.contactFieldNames(campaign: campaign)
            guard available.contains(field) else {
                throw StatsError.unknownField(field: field, campaign: campaign.id, available: available)
            }
        }
        let script = try campaign.loadScript()
        let zone = TimeZone(identifier: campaign.timeZone) ?? .current
        let request = request(script: script, timeZone: zone, breakdownField: breakdownField, now: now)
        let tallies = try database.statsTallies(campaignID: campaign.id, request: request)
        return make(campaign: campaign, script: script, tallies: tallies, request: request)
    }
}
