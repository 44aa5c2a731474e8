import Foundation

/// Everything the client report shows, computed and ready to draw (no I/O once made).
///
/// The headline figures, distributions, AAPOR rates, funnel and `--by` breakdown are a
/// `StatsSnapshot`, made by the same code as `callpulse stats`; the report adds the scores over
/// time, the words and quotes of the open answers, and the follow-ups created and resolved.
public struct ClientReport: Sendable {
    /// The words of one group's open answers.
    public struct Voice: Sendable, Equatable {
        public var group: VoiceGroup
        /// Open answers in the group.
        public var answers: Int
        /// The most frequent words, most frequent first.
        public var words: [WordCount]
    }

    /// A word and the number of open answers it appears in.
    public struct WordCount: Sendable, Equatable {
        public var word: String
        public var answers: Int
    }

    /// A verbatim quote and the NPS answer of the interview it came from.
    public struct Quote: Sendable, Equatable {
        public var text: String
        public var npsScore: Int?
        public var group: VoiceGroup
    }

    /// Follow-ups the script's alerts created in the period, and what became of them.
    public struct FollowUpFigures: Sendable, Equatable {
        public var created: Int
        public var resolved: Int
        /// Open now (of those created in the period), and of those past their due time.
        public var open: Int
        public var overdue: Int
        public var meanHoursToResolve: Double?
    }

    /// The stats of the campaign (of the period with `since`), as `callpulse stats` computes them.
    public var snapshot: StatsSnapshot
    public var language: ReportLanguage
    public var timeZone: TimeZone
    /// The period's first instant with `--since`; nil for the whole campaign.
    public var since: Int64?
    /// The script's title in the report's language.
    public var surveyTitle: String
    /// The CES question's end labels in the report's language, e.g. "very difficult" / "very easy".
    public var cesLabels: (min: String?, max: String?)
    /// Contacts loaded (the whole list, whatever `since` says).
    public var loaded: Int
    public var timeline: ReportTimeline
    /// Detractors and promoters (or everyone, when there is no NPS question), with their words.
    public var voices: [Voice]
    public var quotes: [Quote]
    public var followUps: FollowUpFigures
    /// The words of each choice and yes/no question in the report's language: its text and its
    /// options' texts by code (yes/no take the labels' words).
    public var choiceTexts: [String: ChoiceTexts] = [:]

    /// A choice or yes/no question's text and its options' texts by code, in the report's language.
    public struct ChoiceTexts: Sendable, Equatable {
        public var question: String
        public var options: [String: String]
    }

    /// How many words and quotes the report shows.
    public static let wordsShown = 12
    public static let quotesShown = 6
    /// Breakdown groups with fewer complete interviews than this are flagged as too small to read much into.
    public static let smallGroup = 30
}
