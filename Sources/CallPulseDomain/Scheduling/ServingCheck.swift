/// What the queue does with a contact it found due before serving it: serve it, end it because its
/// number is on the do-not-call list, or hold it while the person is in the survey quarantine.
public enum ServingCheck: Sendable, Equatable {
    case serve
    /// The number is on the do-not-call list: the case ends as a refusal (`doNotCallDisposition`).
    case doNotCall
    /// The person completed an interview (any campaign, same number) within the quarantine: the
    /// contact waits until the quarantine ends.
    case quarantined(until: Int64)

    /// The final disposition of a case whose number is on the do-not-call list: a refusal.
    public static let doNotCallDisposition = "2.11"

    /// The time after which a completed interview of the same number puts the contact in
    /// quarantine: `days` before `now`; nil when the campaign has no quarantine (0 days or fewer).
    public static func quarantineStart(days: Int, now: Int64) -> Int64? {
        days > 0 ? now - Int64(days) * 86_400 : nil
    }

    /// The check for a contact: a listed number ends the case whatever else holds; else the last
    /// interview the same number completed in another case (ended after `quarantineStart`) holds the
    /// contact for `quarantineDays` after it ended.
    public static func check(onDoNotCallList: Bool, quarantineDays: Int, lastCompleteElsewhere: Int64?) -> ServingCheck {
        if onDoNotCallList { return .doNotCall }
        guard quarantineDays > 0, let lastCompleteElsewhere else { return .serve }
        return .quarantined(until: lastCompleteElsewhere + Int64(quarantineDays) * 86_400)
    }
}
