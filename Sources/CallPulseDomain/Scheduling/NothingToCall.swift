/// Why no contact could be served, so the console can say so instead of just "no contacts".
public enum NothingToCall: Sendable, Equatable {
    case campaignPaused
    case campaignClosed
    /// Every contact has a final disposition.
    case allDone(total: Int)
    /// Contacts remain but none is due: the next retry or appointment time, contacts held by
    /// other agents now, and when the calling window next opens for the waiting contacts.
    case waiting(nextCallAt: Int64?, inProgress: Int, windowOpensAt: Int64?)
    /// Contacts are due, but each is in a full field quota group: one `quota full: …` line per group.
    case quotaFull(groups: [String])

    /// The campaign's contacts as the queue counted them when it found none to serve.
    public struct Tally: Sendable, Equatable {
        /// Contacts without a final disposition.
        public var remaining: Int
        public var total: Int
        /// Contacts not done that another console holds a live lease on.
        public var leased: Int
        /// The earliest retry or appointment still to come.
        public var nextAt: Int64?
        /// Contacts due now (fresh, or scheduled for now or earlier) that the calling window keeps back.
        public var due: Int

        public init(remaining: Int, total: Int, leased: Int, nextAt: Int64?, due: Int) {
            self.remaining = remaining
            self.total = total
            self.leased = leased
            self.nextAt = nextAt
            self.due = due
        }
    }

    /// Why a campaign with `status` serves nothing at all; nil when it is active.
    public init?(status: Campaign.Status) {
        switch status {
        case .paused: self = .campaignPaused
        case .closed: self = .campaignClosed
        case .active: return nil
        }
    }

    /// Why nothing is served when the campaign is active: all done, or waiting (with when the
    /// calling window next opens in one of the contacts' `zones`, when contacts are due but outside it).
    public static func reason(_ tally: Tally, campaign: Campaign, zones: [String], now: Int64) -> NothingToCall {
        if tally.remaining == 0 { return .allDone(total: tally.total) }
        var opensAt: Int64?
        if tally.due > 0 {
            opensAt = zones.compactMap { CallingSchedule(campaign: campaign, timeZone: $0).nextOpen(from: now) }
                .filter { $0 > now }.min()
        }
        return .waiting(nextCallAt: tally.nextAt, inProgress: tally.leased, windowOpensAt: opensAt)
    }
}
