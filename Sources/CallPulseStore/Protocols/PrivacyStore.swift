import CallPulseDomain

/// Privacy: the do-not-call list, erasing one person's data on request, and purging a closed
/// campaign's personal data, each with its own clean-up so the erased data is gone from the files.
public protocol PrivacyStore: Sendable {
    /// Puts numbers on the do-not-call list; says which were new.
    func addToDoNotCall(_ phones: [String], actor: String, source: String, note: String?, now: Int64) throws -> DoNotCallChange
    /// Takes numbers off the do-not-call list; says which were there.
    func removeFromDoNotCall(_ phones: [String], actor: String, now: Int64) throws -> DoNotCallChange
    /// The whole do-not-call list, by number.
    func doNotCallEntries() throws -> [DoNotCallEntry]
    /// Erases everything that identifies the person with `phone`, in every campaign.
    func forget(phone: String, actor: String, allowCalls: Bool, force: Bool, now: Int64) throws -> ForgetReport
    /// Erases the personal data of a closed campaign's contacts.
    func purgePersonalData(campaignID: String, actor: String, now: Int64) throws -> PurgeReport
}
