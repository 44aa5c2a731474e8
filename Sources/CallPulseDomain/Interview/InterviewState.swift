/// The state of one interview: a script in one language and the answers recorded so far.
///
/// Pure value logic, no I/O: the console asks `current` for the question to show, records what
/// the agent entered with `record(_:for:)`, and saves the answer itself.
///
/// Which questions are asked is decided in script order: a question is applicable when its
/// `when` holds on the effective answers of the applicable questions before it. Conditions see
/// only real values — a question skipped, answered "don't know" or refused is unanswered to them.
///
/// Changing an answer can make later questions inapplicable (a follow-up to a low score that
/// is no longer low). Their answers stay in `answers`, so they return if the change is undone,
/// but they do not count: they are left out of `effectiveAnswers`, `answeredShare` and
/// `firedAlerts()`, and are listed by `inapplicableAnswerIDs`.
public struct InterviewState: Sendable {
    /// The script being asked.
    public let script: InterviewScript
    /// The language the questions are asked in: one of the script's languages.
    public let language: String
    /// Every answer recorded, by question id, including those of questions no longer applicable.
    public private(set) var answers: [String: RecordedAnswer]

    /// Starts or resumes an interview.
    ///
    /// - Parameters:
    ///   - language: The contact's language; a language the script lacks falls back to the script's first.
    ///   - answers: Answers saved earlier, for resuming; the interview resumes at the first
    ///     applicable question without one.
    public init(script: InterviewScript, language: String, answers: [String: RecordedAnswer] = [:]) {
        self.script = script
        self.language = script.languages.contains(language) ? language : (script.languages.first ?? language)
        self.answers = answers
    }

    /// The questions asked given the answers so far, in script order.
    public var applicableQuestions: [Question] {
        evaluate().applicable
    }

    /// The real answers of the applicable questions, as conditions and alerts see them.
    public var effectiveAnswers: [String: AnswerValue] {
        evaluate().effective
    }

    /// The question to ask now: the first applicable question without a recorded answer; `nil` when finished.
    ///
    /// This is also where a resumed interview starts.
    public var current: Question? {
        applicableQuestions.first { answers[$0.id] == nil }
    }

    /// Whether every applicable question has a recorded answer (a value or a special answer).
    public var isComplete: Bool {
        current == nil
    }

    /// Where `current` stands, e.g. `3 / 6`; `nil` when the interview is finished.
    public var position: InterviewPosition? {
        current.flatMap { position(of: $0.id) }
    }

    /// The share of applicable questions answered, from 0 to 1 (1 for a script without questions).
    ///
    /// A real answer or "don't know" counts as answered; refused and skipped do not (AAPOR:
    /// "answered with other than a refusal or no answer"). An interview stopped at 0.5 or more
    /// is a partial (1.2), below 0.5 a break-off (2.12); see METRICS.md.
    public var answeredShare: Double {
        let applicable = applicableQuestions
        guard !applicable.isEmpty else { return 1 }
        let answered = applicable.filter { answers[$0.id]?.countsAsAnswered ?? false }.count
        return Double(answered) / Double(applicable.count)
    }

    /// Whether an interview stopped now counts as a partial (1.2) rather than a break-off (2.12).
    public var isPartial: Bool {
        answeredShare >= CaseDisposition.partialShare
    }

    /// The ids of recorded answers that do not count because their question is no longer asked, in script order.
    public var inapplicableAnswerIDs: [String] {
        let applicable = Set(applicableQuestions.map(\.id))
        return script.questions.map(\.id).filter { answers[$0] != nil && !applicable.contains($0) }
    }

    /// The script's alerts that fire on the effective answers.
    public func firedAlerts() -> [ScriptAlert] {
        followUpAlerts().map { script.alerts[$0.index] }
    }

    /// Records an answer to an applicable question, replacing any earlier one.
    ///
    /// - Returns: The answer it replaced, if any (for the audit trail).
    /// - Throws: `InterviewError` when the question is unknown or not applicable, the answer
    ///   is skipped on a question that is not optional, or the value does not fit the question.
    @discardableResult
    public mutating func record(_ answer: RecordedAnswer, for questionID: String) throws(InterviewError) -> RecordedAnswer? {
        guard let question = script.question(id: questionID) else { throw .unknownQuestion(questionID) }
        guard applicableQuestions.contains(where: { $0.id == questionID }) else { throw .notApplicable(questionID) }
        switch (answer.value, answer.special) {
        case (nil, .skipped?):
            guard question.optional else { throw .notOptional(questionID) }
        case (nil, _?):
            break
        case let (value?, nil):
            guard question.kind.accepts(value), value.isAnswered else { throw .invalidValue(questionID, value) }
        default:
            throw .malformedAnswer(questionID)
        }
        return answers.updateValue(answer, forKey: questionID)
    }

    /// Walks the script in order, deciding each question on the effective answers before it.
    package func evaluate() -> (applicable: [Question], effective: [String: AnswerValue]) {
        var applicable: [Question] = []
        var effective: [String: AnswerValue] = [:]
        for question in script.questions where question.isAsked(given: effective) {
            applicable.append(question)
            if let value = answers[question.id]?.effectiveValue { effective[question.id] = value }
        }
        return (applicable, effective)
    }
}
