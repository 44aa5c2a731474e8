/// Going back and forth in an interview, and numbering its questions.
extension InterviewState {
    /// The position of an applicable question, e.g. `2 / 5`; `nil` when it is not asked.
    public func position(of questionID: String) -> InterviewPosition? {
        let applicable = applicableQuestions
        guard let index = applicable.firstIndex(where: { $0.id == questionID }) else { return nil }
        return InterviewPosition(number: index + 1, total: applicable.count)
    }

    /// The question to go back to: the last applicable, answered question before `questionID`.
    ///
    /// - Parameter questionID: Where the agent is now; `nil` means `current`, or the end of
    ///   the interview when it is finished. It need not be applicable: script order decides.
    /// - Returns: `nil` when there is nothing to go back to.
    public func previousQuestion(before questionID: String? = nil) -> Question? {
        let from = questionID ?? current?.id
        let limit = from.flatMap { id in script.questions.firstIndex { $0.id == id } } ?? script.questions.count
        let earlier = Set(script.questions[..<limit].map(\.id))
        return applicableQuestions.last { earlier.contains($0.id) && answers[$0.id] != nil }
    }

    /// The applicable question after `questionID` in script order, answered or not; `nil` at the end.
    ///
    /// For stepping forward again after going back without changing an answer.
    public func nextQuestion(after questionID: String) -> Question? {
        guard let index = script.questions.firstIndex(where: { $0.id == questionID }) else { return nil }
        let later = Set(script.questions[(index + 1)...].map(\.id))
        return applicableQuestions.first { later.contains($0.id) }
    }

    /// The recorded answer to a question, if any (also for a question no longer applicable).
    public func answer(to questionID: String) -> RecordedAnswer? {
        answers[questionID]
    }
}
