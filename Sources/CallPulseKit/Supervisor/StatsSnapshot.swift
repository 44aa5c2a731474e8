import CallPulseDomain
import Foundation

/// One campaign's live figures at one instant, computed as reference/METRICS.md defines them.
///
/// This is the `--json` document (one per campaign, in `StatsDocument`). Field names are stable:
/// wallboards and scripts read them. Optional figures are left out when they cannot be computed
/// (no answers yet, a zero denominator); rates are always all present, `null` when undefined.
/// Shares are 0–1, percentages 0–100, NPS −100…100, times seconds since 1970 (UTC), lengths seconds.
public struct StatsSnapshot: Codable, Sendable, Equatable {
    /// Which campaign, for people.
    public struct CampaignInfo: Codable, Sendable, Equatable {
        public var id: String
        public var client: String
        public var title: String
        public var status: String
        public var scriptId: String
        public var timeZone: String
    }

    /// Where the contacts are. Finished cases count by their final disposition.
    public struct Progress: Codable, Sendable, Equatable {
        public var loaded = 0
        public var neverCalled = 0
        /// Contacts an agent holds right now.
        public var inProgress = 0
        public var inProgressBy: [AgentCount] = []
        /// Call-back appointments falling today (campaign's time zone) still waiting.
        public var appointmentsDueToday = 0
        public var completes = 0
        public var partials = 0
        /// Refusals and break-offs (AAPOR R).
        public var refusals = 0
        /// Eligible non-contacts (AAPOR NC).
        public var nonContacts = 0
        /// Other eligible non-interviews (AAPOR O).
        public var otherNonInterviews = 0
        /// Finished with unknown eligibility (AAPOR UH, UO), e.g. attempts ran out on no-answers.
        public var unknownEligibility = 0
        public var ineligible = 0
        public var finished = 0
        public var remaining = 0
        /// Contacts attempted at least once.
        public var attempted = 0
        /// attempted ÷ loaded.
        public var penetration: Double?
    }

    /// A number of contacts per agent.
    public struct AgentCount: Codable, Sendable, Equatable {
        public var agent: String
        public var contacts: Int
    }

    /// AAPOR outcome rates over every case of the campaign (see `CaseDisposition` for unfinished ones).
    public struct Rates: Codable, Sendable, Equatable {
        /// The share of unknown-eligibility cases estimated eligible, used in RR3, RR4, REF2, CON2.
        public var e: Double
        /// How `e` was set: "default" = (I+P+R+NC+O)/(I+P+R+NC+O+NE).
        public var eMethod: String
        public var counts: DispositionCounts
        /// RR1…RR6, COOP1…4, REF1…3, CON1…3 as 0–1 shares; null for a zero denominator.
        public var values: [String: Double?]
    }

    /// One agent's work.
    public struct AgentStats: Codable, Sendable, Equatable {
        public var agent: String
        public var calls: Int
        public var completes: Int
        /// Clock hours with at least one call by the agent. Not a measure of time worked (6 calls in
        /// 8 minutes across a full hour touch 2): kept for older readers; CPH uses `loggedInSeconds`.
        public var activeHours: Int
        /// Seconds logged in: the agent's sessions from first claim to last release, a gap of more
        /// than 15 minutes between calls being a break that is left out (`AgentSessions`).
        public var loggedInSeconds: Int
        /// Completes ÷ hours logged in (`loggedInSeconds`); left out when no time is logged.
        public var completesPerHour: Double?
        public var meanInterviewSeconds: Double?
        /// Mean of the agent's NPS answers (0–10), to spot an interviewer effect.
        public var npsMean: Double?
        public var npsAnswers: Int
        /// Calls CallPulse dialled for the agent (`--phone`); the figures below are left out without any.
        public var dialledCalls: Int? = nil
        /// The share (0–1) of dialled calls whose outcome the line coded.
        public var lineCodedShare: Double? = nil
        public var meanRingSeconds: Double? = nil
        public var meanTalkSeconds: Double? = nil
    }

    /// Follow-ups the script's alerts created.
    public struct FollowUps: Codable, Sendable, Equatable {
        public var open: Int
        /// Open and past their due time.
        public var overdue: Int
    }

    /// How things move.
    public struct Trend: Codable, Sendable, Equatable {
        /// The start of each of the last 12 clock hours, oldest first; the last is the current hour.
        public var hourStarts: [Int64]
        /// Completes in each of those hours.
        public var completesPerHour: [Int]
        /// Completes since midnight in the campaign's time zone.
        public var completesToday: Int
        /// NPS per UTC day of completion, oldest first.
        public var npsByDay: [DayScore]
    }

    /// NPS of one day.
    public struct DayScore: Codable, Sendable, Equatable {
        /// `yyyy-MM-dd` (UTC).
        public var day: String
        public var n: Int
        public var nps: Double?
    }

    public var campaign: CampaignInfo
    public var generatedAt: Int64
    public var progress: Progress
    public var rates: Rates
    public var scores: Scores
    public var agents: [AgentStats]
    public var followUps: FollowUps
    public var trend: Trend
    /// Scores by a contact field, with `--by FIELD`.
    public var breakdown: Breakdown?
    /// The campaign's quotas, whole campaign (also with `--since`); left out when it has none.
    public var quotas: [QuotaFigures]? = nil
}

/// The `--json` document: every campaign asked for. Its shape (keys sorted when printed):
///
///     { "generatedAt": 1795423812,
///       "campaigns": [ {
///         "campaign":  { "id", "client", "title", "status", "scriptId", "timeZone" },
///         "generatedAt": …,
///         "progress":  { "loaded", "neverCalled", "inProgress", "inProgressBy": [{ "agent", "contacts" }],
///                        "appointmentsDueToday", "completes", "partials", "refusals", "nonContacts",
///                        "otherNonInterviews", "unknownEligibility", "ineligible", "finished", "remaining",
///                        "attempted", "penetration"? },
///         "rates":     { "e", "eMethod", "counts": { "I", "P", "R", "NC", "O", "UH", "UO", "NE" },
///                        "values": { "RR1": 0.5 or null, … all sixteen } },
///         "scores":    { "basis": "complete interviews",
///                        "nps"?:  { "questionId", "n", "score"?, "promoters", "passives", "detractors",
///                                   "promoterShare"?, "passiveShare"?, "detractorShare"?, "marginOfError"?,
///                                   "adjustedMarginOfError"?, "adjustedScore"?, "shownMarginOfErrorMethod"?,
///                                   "intervalLow"?, "intervalHigh"?, "distribution": [11] },
///                        "ces"?:  { "questionId", "n", "mean"?, "min", "max", "good", "percentAgreeing"? },
///                        "csat"?: { "questionId", "n", "percent"?, "mean"? },
///                        "csi"?:  { "questionId", "value"?, "formula", "rangeValue"?, "rangeFormula" },
///                        "scales": [{ "questionId", "kind", "min", "max", "good", "n", "mean"?, "distribution" }],
///                        "choices": [{ "questionId", "kind" ("choice" or "yesno"), "multiple", "n",
///                                      "options": [{ "code", "label", "count", "share"? }] }] },
///         "agents":    [{ "agent", "calls", "completes", "activeHours", "loggedInSeconds", "completesPerHour"?,
///                         "meanInterviewSeconds"?, "npsMean"?, "npsAnswers" }],
///         "followUps": { "open", "overdue" },
///         "trend":     { "hourStarts": [12], "completesPerHour": [12], "completesToday",
///                        "npsByDay": [{ "day", "n", "nps"? }] },
///         "breakdown"?: { "field", "groups": [{ "value", "n", "nps"?, "npsN", "npsMarginOfError"?,
///                                               "npsMarginOfErrorMethod"?, "npsIntervalLow"?, "npsIntervalHigh"?,
///                                               "cesMean"?, "csatPercent"? }] },
///         "quotas"?:   [{ "name", "group", "kind", "target", "completes", "inProgress", "remaining",
///                         "percentFull", "overTarget", "full", "contactsLeft"?, "sampleCanFill"? }] } ] }
///
/// `?` marks a key left out when its figure cannot be computed. The NPS 95 % interval is
/// `intervalLow` … `intervalHigh`; below 100 answers it is the adjusted-Wald one, centred on
/// `adjustedScore` rather than `score`, so `score` ± `adjustedMarginOfError` is not the interval.
public struct StatsDocument: Codable, Sendable, Equatable {
    public var generatedAt: Int64
    public var campaigns: [StatsSnapshot]

    public init(generatedAt: Int64, campaigns: [StatsSnapshot]) {
        self.generatedAt = generatedAt
        self.campaigns = campaigns
    }

    /// The document as JSON with sorted keys, so its text is stable.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
