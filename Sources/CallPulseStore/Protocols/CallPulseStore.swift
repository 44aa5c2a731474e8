/// Everything CallPulse keeps, whichever engine keeps it: the one type the application layer
/// talks to. Each job has its own protocol; an engine (SQLite, PostgreSQL) implements them all and
/// passes the store conformance suite.
public protocol CallPulseStore: CampaignStore, QueueStore, CallStore, InterviewStore, FollowUpStore, StatsStore,
    ImportStore, ExportStore, PrivacyStore, AuditStore, QuotaStore {
    /// Where the store is, for messages: a file path, or a server address without its password.
    var location: String { get }
    /// `error` in words a person can act on (`StoreError`) when it is the engine's own; else `error`.
    func translated(_ error: any Error) -> any Error
    /// Whether trying again later may mend `error`: a lock, a full disk, a server away for a while.
    func mayPassWithTime(_ error: any Error) -> Bool
}
