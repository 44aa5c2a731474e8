/// The quota rules applied inside an interview (pure).
public enum QuotaCheck {
    /// What an answer does to the interview's answer quotas.
    public enum Decision: Sendable, Equatable {
        /// Go on; the interview holds a place in these groups (names), entered now or before.
        case hold([String])
        /// The answer put the interview in this full group: end it as quota filled (4.80).
        case full(QuotaStanding)
    }

    /// Decides after an answer, given the standings of the campaign's answer and mixed quotas
    /// counted without this interview, the groups it already `holding`, and its fields and answers.
    ///
    /// A group the interview already holds a place in keeps it (it was not full when entered);
    /// a group it enters now is full when completes plus the other interviews in progress reach
    /// the target.
    public static func decide(_ standings: [QuotaStanding], holding: Set<String>, fields: [String: String],
                              language: String?, answers: [String: AnswerValue]) -> Decision {
        var held: [String] = []
        for standing in standings where standing.quota.group.kind.readsAnswers
            && standing.quota.group.contains(fields: fields, language: language, answers: answers) {
            if !holding.contains(standing.quota.name), standing.isFull { return .full(standing) }
            held.append(standing.quota.name)
        }
        return .hold(held)
    }

    /// The quotas a complete interview counts in: every group its fields and answers put it in.
    public static func countedIn(_ quotas: [Quota], fields: [String: String], language: String?,
                                 answers: [String: AnswerValue]) -> [Quota] {
        quotas.filter { $0.group.contains(fields: fields, language: language, answers: answers) }
    }
}
