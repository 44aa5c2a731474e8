
/// What the client report needs beyond the stats tallies, as `AppDatabase+Report.swift` reads it.
public struct ReportTallies: Sendable, Equatable {
    /// One open (text) answer of a complete interview, with that interview's NPS answer.
    public struct OpenAnswer: Sendable, Equatable {
        public var interviewID: Int64
        /// The interview's answer to the NPS question (0–10); nil without one.
        public var npsScore: Int?
        /// The answer as the customer gave it (verbatim: not yet escaped or cleaned).
        public var text: String

        public init(interviewID: Int64, npsScore: Int? = nil, text: String) {
            self.interviewID = interviewID
            self.npsScore = npsScore
            self.text = text
        }
    }

    /// Contacts loaded into the campaign (the whole list, whatever `since` says).
    public var loaded = 0
    /// Numeric answers of complete interviews per clock hour of completion (endedAt / 3600):
    /// hour → question → value → count.
    public var answersByHour: [Int64: [String: [Double: Int]]] = [:]
    /// Follow-ups created (at or after `since`), and how many of them are resolved.
    public var followUpsCreated = 0
    public var followUpsResolved = 0
    /// Mean seconds from a follow-up's creation to its resolution, over the resolved ones.
    public var meanSecondsToResolve: Double?

    public init() {}
}

/// What to read for a client report.
public struct ReportRequest: Sendable {
    /// The questions whose scores are followed over time (nps, ces, csat).
    public var timelineQuestions: [String]
    /// The NPS question, which sorts open answers into detractors, passives and promoters.
    public var npsQuestion: String?
    /// The open (text) questions whose answers are counted and quoted.
    public var textQuestions: [String]
    /// Only interviews ended, and follow-ups created, at or after this instant; nil for all.
    public var since: Int64?

    public init(timelineQuestions: [String], npsQuestion: String?, textQuestions: [String], since: Int64? = nil) {
        self.timelineQuestions = timelineQuestions
        self.npsQuestion = npsQuestion
        self.textQuestions = textQuestions
        self.since = since
    }
}
