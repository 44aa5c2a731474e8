import CallPulseDomain
import CallPulseStore
import Foundation

extension StatsSnapshot {
    /// Computes a campaign's snapshot at `now` from the database, in two or three short reads:
    /// the campaign, its contact fields when `breakdownField` is given, then every tally in one
    /// read transaction, so the figures agree with each other.
    ///
    /// - Parameters:
    ///   - breakdownField: a contact field to break scores down by; must be one of the campaign's
    ///     fields (throws `StatsError.unknownField` listing them otherwise).
    ///   - since: limits the figures to a period (see `StatsRequest.since`); nil for the whole campaign.
    /// - Throws: `StoreError.campaignNotFound` for an unknown campaign.
    public static func load(database: any CallPulseStore, campaignID: String, breakdownField: String? = nil,
                            since: Int64? = nil, now: Int64) throws -> StatsSnapshot {
        let campaign = try database.campaign(id: campaignID)
        try checkBreakdownField(breakdownField, of: campaign, in: database)
        let script = try campaign.loadScript()
        let request = request(script: script, timeZone: campaign.zone, breakdownField: breakdownField, since: since,
                              now: now)
        let tallies = try database.statsTallies(campaignID: campaign.id, request: request)
        var snapshot = make(campaign: campaign, script: script, tallies: tallies, request: request)
        let quotas = try database.quotaStandings(campaignID: campaign.id, now: now)
        snapshot.quotas = quotas.isEmpty ? nil : quotas.map(QuotaFigures.init)
        return snapshot
    }

    /// Throws `StatsError.unknownField` naming the fields there are when `field` is not one of the campaign's.
    public static func checkBreakdownField(_ field: String?, of campaign: Campaign, in database: any CallPulseStore) throws {
        guard let field else { return }
        let available = try database.contactFieldNames(campaign: campaign)
        guard available.contains(field) else {
            throw StatsError.unknownField(field: field, campaign: campaign.id, available: available)
        }
    }
}
