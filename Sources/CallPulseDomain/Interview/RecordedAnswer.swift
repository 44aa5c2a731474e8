/// What was recorded for one question: a value, or a special answer.
///
/// Exactly one of `value` and `special` is set in an answer that `InterviewState.record(_:for:)`
/// accepts; build them with `answer(_:)` and `special(_:)`.
public struct RecordedAnswer: Sendable, Hashable {
    /// The respondent's answer; `nil` for a special answer.
    public var value: AnswerValue?
    /// Skipped, don't know or refused; `nil` for a real answer.
    public var special: SpecialAnswer?

    public init(value: AnswerValue? = nil, special: SpecialAnswer? = nil) {
        self.value = value
        self.special = special
    }

    /// A real answer.
    public static func answer(_ value: AnswerValue) -> RecordedAnswer {
        RecordedAnswer(value: value)
    }

    /// A skipped, don't-know or refused answer.
    public static func special(_ special: SpecialAnswer) -> RecordedAnswer {
        RecordedAnswer(special: special)
    }

    /// The value when it is a real, non-empty answer that conditions and alerts may see.
    package var effectiveValue: AnswerValue? {
        guard special == nil, let value, value.isAnswered else { return nil }
        return value
    }

    /// Whether the answer counts as answered for the partial/break-off share.
    ///
    /// Follows AAPOR's "answered with other than a refusal or no answer": a real value and
    /// "don't know" count; refused and skipped do not.
    package var countsAsAnswered: Bool {
        effectiveValue != nil || special == .dontKnow
    }
}
