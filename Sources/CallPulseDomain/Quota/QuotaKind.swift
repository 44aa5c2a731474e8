/// What a quota's group is defined on, which decides where it is enforced.
public enum QuotaKind: String, Sendable, Hashable, CaseIterable {
    /// Only contact fields from the call list (and `language`): enforced when a contact is
    /// claimed — a full group's contacts are not served.
    case fieldOnly = "fields"
    /// Only answers: enforced in the interview — an answer that puts it in a full group ends it
    /// as quota filled (4.80).
    case answerOnly = "answers"
    /// Fields and answers (`touchpoint = support and nps <= 6`): enforced in the interview like
    /// an answer quota, since the group is known only once the answers are in.
    case both = "fields and answers"

    /// Whether the group is decided in the interview (answer-only and both).
    public var readsAnswers: Bool { self != .fieldOnly }
}
