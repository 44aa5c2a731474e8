import CallPulseDomain

/// One claim of the next contact, as `ContactQueue` asks the store for it.
public struct ClaimRequest: Sendable {
    /// The campaign's rules (`QueueStore.campaignRules`).
    public var campaign: Campaign
    /// Who takes the lease.
    public var holder: LeaseHolder
    /// How long the claim holds the contact without being renewed.
    public var leaseSeconds: Int64
    /// How long a due appointment waits for the agent who made it before anyone may take it.
    public var appointmentGrace: Int64
    /// The zones whose calling window is open now; retries and fresh contacts come only from these.
    public var openZones: [String]
    /// Every zone the campaign's contacts are in (for the reason when nothing can be served).
    public var zones: [String]
    public var now: Int64

    public init(campaign: Campaign, holder: LeaseHolder, leaseSeconds: Int64, appointmentGrace: Int64,
                openZones: [String], zones: [String], now: Int64) {
        self.campaign = campaign
        self.holder = holder
        self.leaseSeconds = leaseSeconds
        self.appointmentGrace = appointmentGrace
        self.openZones = openZones
        self.zones = zones
        self.now = now
    }
}
