/// Where a question stands in the interview, shown to the agent as `3 / 6`.
///
/// `total` is the number of questions asked given the answers so far, so it can change
/// as answers change (a follow-up question appears after a low score).
public struct InterviewPosition: Sendable, Hashable, CustomStringConvertible {
    /// The question's place among the applicable questions, 1-based.
    public var number: Int
    /// How many questions are applicable given the answers so far.
    public var total: Int

    public init(number: Int, total: Int) {
        self.number = number
        self.total = total
    }

    /// `number / total`, e.g. `3 / 6`.
    public var description: String { "\(number) / \(total)" }
}
