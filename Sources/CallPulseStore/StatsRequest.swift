/// What to compute for a campaign's stats.
public struct StatsRequest: Sendable {
    /// Ids of the script's rating-scale questions (nps, ces, csat, scale).
    public var scaleQuestions: [String]
    /// The NPS question, if the script has one.
    public var npsQuestion: String?
    /// Ids of the script's choice and yes/no questions, whose answers are counted per option.
    public var choiceQuestions: [String]
    /// The contact field to break scores down by (`--by`).
    public var breakdownField: String?
    public var now: Int64
    /// Start and end (exclusive) of "today" in the campaign's time zone.
    public var today: Range<Int64>
    /// Only interviews ended, and cases called, at or after this instant (the report's `--since`);
    /// nil takes the whole campaign. See `AppDatabase+StatsSince.swift` for what it limits.
    public var since: Int64?

    public init(scaleQuestions: [String], npsQuestion: String?, choiceQuestions: [String] = [], breakdownField: String? = nil,
                now: Int64, today: Range<Int64>, since: Int64? = nil) {
        self.scaleQuestions = scaleQuestions
        self.npsQuestion = npsQuestion
        self.choiceQuestions = choiceQuestions
        self.breakdownField = breakdownField
        self.now = now
        self.today = today
        self.since = since
    }
}
