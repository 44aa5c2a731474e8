/// What the line can code for sure, from the table: the console records it unless the
/// agent types another outcome on the same card.
///
/// | the line says | outcome |
/// |---|---|
/// | 486, 600 | busy |
/// | 480, 408, 487, nothing within the ring time | no answer |
/// | 404, 484, 604, 410 | not in use on the second such attempt; the first is a technical problem |
/// | 503 and every other 5xx, 488, a network error | technical problem |
///
/// An answer goes to the interview; anything else (a 603 decline, the agent hanging up) is left
/// to the agent.
public enum LineCoding {
    /// SIP statuses that say the number does not exist; one of them alone is not proof.
    public static let notInUseStatuses: Set<Int> = [404, 484, 604, 410]

    /// The outcome the line codes; nil when the agent must (or, for an answer, the interview does).
    /// - Parameter earlierNotInUse: how many earlier attempts on this contact ended with one of
    ///   `notInUseStatuses`.
    public static func outcome(for result: LineResult, earlierNotInUse: Int) -> CallOutcome? {
        switch result {
        case .answered, .agentHungUp: return nil
        case .ringTimeout: return .noAnswer
        case .failed: return .technicalProblem
        case let .status(code, _):
            switch code {
            case 486, 600: return .busy
            case 480, 408, 487: return .noAnswer
            case _ where notInUseStatuses.contains(code): return earlierNotInUse >= 1 ? .notInUse : .technicalProblem
            case 488, 500...599: return .technicalProblem
            default: return nil
            }
        }
    }
}
