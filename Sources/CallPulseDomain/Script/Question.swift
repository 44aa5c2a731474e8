/// One question of an interview script.
public struct Question: Sendable {
    /// The question's id: a simple identifier, unique in the script, used in conditions and as the answer key.
    public var id: String
    /// The question type with its range, labels or options.
    public var kind: QuestionKind
    /// What the agent reads out; may contain `{placeholders}`.
    public var text: LocalizedText
    /// Whether the respondent may skip the question. Default `false`.
    public var optional: Bool
    /// Whether a complete (AAPOR 1.1) needs a real answer to it (`required_for_complete` in the
    /// script); an interview without one ends as a partial or break-off. Default `false`.
    public var requiredForComplete: Bool
    /// The question is asked only when this holds; `nil` means always.
    public var when: Condition?
    /// The `when` condition as written in the script.
    public var whenSource: String?
    /// The line of the question in the script file (1-based).
    public var line: Int
    /// End labels given by the script for an nps or csat question, overriding the defaults.
    package var labelOverride: (min: LocalizedText?, max: LocalizedText?)

    public init(
        id: String, kind: QuestionKind, text: LocalizedText, optional: Bool = false,
        when: Condition? = nil, whenSource: String? = nil, line: Int = 0, requiredForComplete: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.optional = optional
        self.requiredForComplete = requiredForComplete
        self.when = when
        self.whenSource = whenSource
        self.line = line
        self.labelOverride = (nil, nil)
    }

    /// The label of the lowest scale point: the script's own, else the kind's default.
    public var minLabel: LocalizedText? { labelOverride.min ?? kind.minLabel }

    /// The label of the highest scale point: the script's own, else the kind's default.
    public var maxLabel: LocalizedText? { labelOverride.max ?? kind.maxLabel }

    /// Whether the question is asked given the answers so far (`true` when it has no `when`).
    public func isAsked(given answers: [String: AnswerValue]) -> Bool {
        when?.evaluate(answers) ?? true
    }
}
