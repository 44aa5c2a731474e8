import CallPulseDomain

/// Serves one agent the next contact of a campaign, atomically and with a lease, so two agents
/// never get the same contact and a crashed agent's contact returns to the queue when the lease runs out.
///
/// Order: appointments that are due (to the agent who made them first, to anyone after a grace
/// period), then retries that are due, then fresh contacts. Retries and fresh contacts are served
/// only inside the calling window of the contact's own time zone; appointments at the agreed time.
/// Numbers on the do-not-call list and people in the survey quarantine are never served, nor
/// (appointments aside, unless the campaign drops them) contacts of a full field quota group.
/// The queue keeps what a claim needs between claims (the campaign's rules, its contacts' zones
/// and which of them are open); the store does each claim in one short transaction.
public struct ContactQueue: Sendable {
    public let store: any QueueStore
    public let campaignID: String
    public let agent: String
    /// How long a claim holds the contact without being renewed.
    public var leaseSeconds: Int64 = 120
    /// The console holding the leases this queue takes (see `ConsoleSession`); nil for none known.
    public var session: String?
    /// Who holds the leases this queue takes: what every write for the agent names (`LeaseHolder`).
    public var holder: LeaseHolder { LeaseHolder(agent: agent, session: session) }
    /// How long a due appointment waits for the agent who made it before anyone may take it.
    public var appointmentGrace: Int64 = 15 * 60
    /// The campaign's rules and the time zones of its contacts, cached; refreshed every few minutes.
    private var campaign: Campaign?
    private var zones: [String] = []
    private var zonesLoadedAt: Int64?
    /// The zones whose calling window is open, for the minute they were worked out in.
    private var openZones: (minute: Int64, zones: [String])?

    public init(store: any QueueStore, campaignID: String, agent: String) {
        self.store = store
        self.campaignID = campaignID
        self.agent = agent
    }

    /// Claims the next contact for the agent at `now`.
    public mutating func claimNext(now: Int64) throws -> ClaimResult {
        if campaign == nil || zones.isEmpty || now - (zonesLoadedAt ?? now) > 300 { try loadZones(now: now) }
        guard let campaign else { throw StoreError.campaignNotFound(campaignID) }
        let open = openZones(at: now)
        return try store.claimNext(ClaimRequest(campaign: campaign, holder: holder, leaseSeconds: leaseSeconds,
                                                appointmentGrace: appointmentGrace, openZones: open, zones: zones,
                                                now: now))
    }

    /// Takes back the agent's own contact of this campaign that a console of theirs left leased
    /// (a crash, a dropped SSH session), to be served before anything else. A lease is taken over
    /// only when it ran out or `isGone` says the console holding it (its `session`) is no longer
    /// running; a live console of the same agent name keeps its contact. Nil when there is none.
    public func reclaimInterrupted(now: Int64, isGone: (String?) -> Bool) throws -> ClaimedContact? {
        try store.reclaimInterrupted(campaignID: campaignID, holder: holder, leaseSeconds: leaseSeconds, now: now,
                                     isGone: isGone)
    }

    private mutating func loadZones(now: Int64) throws {
        let campaign = try store.campaignRules(id: campaignID)
        self.campaign = campaign
        zones = try store.contactTimeZones(campaignID: campaignID, fallback: campaign.timeZone)
        zonesLoadedAt = now
        openZones = nil
    }

    /// The zones where calling is allowed now; worked out once a minute (windows are whole minutes).
    private mutating func openZones(at now: Int64) -> [String] {
        let minute = now / 60
        if let openZones, openZones.minute == minute { return openZones.zones }
        guard let campaign else { return [] }
        let open = zones.filter { CallingSchedule(campaign: campaign, timeZone: $0).isOpen(at: minute * 60) }
        openZones = (minute, open)
        return open
    }
}
