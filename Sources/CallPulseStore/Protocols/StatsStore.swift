import CallPulseDomain

/// The figures supervisors and clients read: the live tallies behind `stats` and the report.
public protocol StatsStore: Sendable {
    /// The raw counts one stats snapshot is made from, read in one transaction.
    func statsTallies(campaignID: String, request: StatsRequest) throws -> StatsTallies
    /// The stats tallies and what the client report needs beyond them, read in one transaction;
    /// `eachOpenAnswer` is called for every open answer, streamed.
    func reportTallies(campaignID: String, stats: StatsRequest, report: ReportRequest,
                       eachOpenAnswer: (ReportTallies.OpenAnswer) throws -> Void) throws -> (StatsTallies, ReportTallies)
}
