/// Which of a campaign's interviews or calls an export takes.
public struct ExportSelection: Sendable {
    public var campaignID: String
    /// Only interviews that ended (or, unfinished, started) and calls that started at or after
    /// this instant; nil takes all.
    public var since: Int64?
    /// Whether broken-off interviews (partials) are exported beside the complete ones.
    public var includePartials: Bool

    public init(campaignID: String, since: Int64? = nil, includePartials: Bool = false) {
        self.campaignID = campaignID
        self.since = since
        self.includePartials = includePartials
    }
}
