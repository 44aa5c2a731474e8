import CallPulseDomain

extension StatsSnapshot {
    /// How often each answer of a choice or yes/no question was given in complete interviews.
    public struct ChoiceStats: Codable, Sendable, Equatable {
        public var questionId: String
        /// "choice" or "yesno".
        public var kind: String
        /// Whether several options may be picked (then the counts add up to more than `n`).
        public var multiple: Bool
        /// Answers (respondents who gave one).
        public var n: Int
        /// The options in script order (yes, then no, for yes/no), each with its count.
        public var options: [OptionCount]
    }

    /// One option of a choice question, or yes or no.
    public struct OptionCount: Codable, Sendable, Equatable {
        /// The option's code; "yes" or "no" for a yes/no question.
        public var code: String
        /// The option's text in English (or the script's first language).
        public var label: String
        public var count: Int
        /// count ÷ n, 0–1; left out without answers.
        public var share: Double?
    }
}

extension StatsSnapshot.ChoiceStats {
    /// Whether a question's answers are counted per option: choice and yes/no questions.
    static func counts(_ question: Question) -> Bool {
        switch question.kind {
        case .yesno, .choice: true
        default: false
        }
    }

    /// The frequencies of `question` from its `choiceTally` counts (key → count, "" = answers); nil
    /// for a question that is neither choice nor yes/no.
    static func make(_ question: Question, counts: [String: Int], script: InterviewScript) -> Self? {
        let n = counts[""] ?? 0
        func option(_ code: String, _ label: String, key: String) -> StatsSnapshot.OptionCount {
            let count = counts[key] ?? 0
            return .init(code: code, label: label, count: count, share: n > 0 ? Double(count) / Double(n) : nil)
        }
        switch question.kind {
        case .yesno:
            return Self(questionId: question.id, kind: "yesno", multiple: false, n: n,
                        options: [option("yes", "yes", key: "true"), option("no", "no", key: "false")])
        case let .choice(options, multiple):
            let language = script.languages.contains("en") ? "en" : script.languages.first ?? "en"
            return Self(questionId: question.id, kind: "choice", multiple: multiple, n: n, options: options.map {
                option($0.code, $0.label.text(for: language, fallback: script.languages) ?? $0.code, key: $0.code)
            })
        default:
            return nil
        }
    }
}
