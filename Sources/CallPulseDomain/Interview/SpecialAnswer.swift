/// An answer that is not a value: the question was skipped, or the respondent did not know or refused.
///
/// `dontKnow` and `refused` are allowed on every question; `skipped` only on optional ones.
/// Conditions and alerts never see a special answer: to them the question is unanswered.
public enum SpecialAnswer: String, Sendable, Codable, CaseIterable {
    /// An optional question passed over (`/skip`).
    case skipped
    /// The respondent does not know (`/dk`).
    case dontKnow
    /// The respondent refused to answer this question (`/ref`).
    case refused

    /// How the answer is shown to the agent, e.g. `don't know`.
    public var displayName: String {
        switch self {
        case .skipped: "skipped"
        case .dontKnow: "don't know"
        case .refused: "refused"
        }
    }
}
