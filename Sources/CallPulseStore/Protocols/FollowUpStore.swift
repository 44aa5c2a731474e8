import CallPulseDomain

/// Close-the-loop follow-ups: listed with their contact and answers, resolved by a supervisor.
public protocol FollowUpStore: Sendable {
    /// The follow-ups of one campaign (or all), open ones only when `openOnly`.
    func followUps(campaignID: String?, openOnly: Bool) throws -> [FollowUpDetail]
    /// Marks a follow-up done, with who did it and what was done.
    @discardableResult
    func resolveFollowUp(id: Int64, by actor: String, note: String, now: Int64) throws -> FollowUp
}
