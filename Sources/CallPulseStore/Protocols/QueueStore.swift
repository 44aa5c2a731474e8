import CallPulseDomain

/// The queue: serving the next contact to an agent under a lease, taking back an interrupted one,
/// renewing and giving back leases. `ContactQueue` is the engine-neutral face agents use.
public protocol QueueStore: Sendable {
    /// The campaign's rules and status without its script text: what the calling path needs.
    func campaignRules(id: String) throws -> Campaign
    /// The time zones the campaign's contacts are in (`fallback` for those without one).
    func contactTimeZones(campaignID: String, fallback: String) throws -> [String]
    /// Claims the next contact for `claim.holder` in one short transaction, or says why there is none.
    func claimNext(_ claim: ClaimRequest) throws -> ClaimResult
    /// Takes back the agent's own contact that a console of theirs left leased (see `ContactQueue`).
    func reclaimInterrupted(campaignID: String, holder: LeaseHolder, leaseSeconds: Int64, now: Int64,
                            isGone: (String?) -> Bool) throws -> ClaimedContact?
    /// Extends the holder's lease to `until`; false when the holder no longer holds it.
    func renewLease(contactID: Int64, holder: LeaseHolder, until: Int64) throws -> Bool
    /// Gives the contact back to the queue; false when the holder no longer held it.
    func releaseContact(contactID: Int64, holder: LeaseHolder) throws -> Bool
}
