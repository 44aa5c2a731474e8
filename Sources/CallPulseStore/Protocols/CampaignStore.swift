import CallPulseDomain

/// Campaigns: created from a script, listed, paused, resumed and closed, with the counts of their contacts.
public protocol CampaignStore: Sendable {
    /// Stores a new campaign; `StoreError.campaignExists` when its id is taken.
    func createCampaign(_ campaign: Campaign, actor: String) throws
    /// Every campaign, oldest first.
    func campaigns() throws -> [Campaign]
    /// The campaign with its script text; `StoreError.campaignNotFound` when there is none.
    func campaign(id: String) throws -> Campaign
    /// Pauses, resumes or closes a campaign, recording who did it.
    @discardableResult
    func setStatus(_ status: Campaign.Status, campaignID: String, actor: String, at now: Int64) throws -> Campaign
    /// The campaign's contacts by where they are in their life, at `now`.
    func contactCounts(campaignID: String, now: Int64) throws -> ContactCounts
    /// The call-list fields the campaign's contacts carry, sorted.
    func contactFieldNames(campaign: Campaign) throws -> [String]
}
