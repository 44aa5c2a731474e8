import CallPulseDomain

/// Quotas: completes per group, defined per campaign and changeable while it runs; the places an
/// interview holds in answer groups; where each quota stands. The claim filter for full field
/// groups is part of `QueueStore.claimNext`.
public protocol QuotaStore: Sendable {
    /// The campaign's quotas, by name.
    func quotas(campaignID: String) throws -> [Quota]
    /// Adds a quota or changes the one of that name; takes effect at the next claim.
    @discardableResult
    func setQuota(campaignID: String, name: String, definition: String, target: Int, actor: String,
                  now: Int64) throws -> QuotaChange
    /// Removes a quota (`QuotaError.notFound` when there is none of that name).
    func removeQuota(campaignID: String, name: String, actor: String, now: Int64) throws
    /// The campaign's quota options.
    func quotaOptions(campaignID: String) throws -> QuotaOptions
    /// Changes the campaign's quota options (nil leaves one as it is), audited.
    @discardableResult
    func setQuotaOptions(campaignID: String, balance: Bool?, dropAppointments: Bool?, actor: String,
                         now: Int64) throws -> QuotaOptions
    /// Where each of the campaign's quotas stands now, with the contacts left in each field group.
    func quotaStandings(campaignID: String, now: Int64) throws -> [QuotaStanding]
    /// The quota groups each complete interview of the campaign counted in, by interview id.
    func quotaGroupsByInterview(campaignID: String) throws -> [Int64: [String]]
    /// After an answer: whether it puts the interview in a full answer group, else holds its places,
    /// in one transaction, while `holder` holds the lease.
    func holdQuotaPlaces(interviewID: Int64, contactID: Int64, holder: LeaseHolder, language: String,
                         answers: [String: AnswerValue], resuming: Bool, now: Int64) throws -> QuotaCheck.Decision
}

extension QuotaStore {
    /// Holds the interview's places after an answer of a running interview.
    public func holdQuotaPlaces(interviewID: Int64, contactID: Int64, holder: LeaseHolder, language: String,
                                answers: [String: AnswerValue], now: Int64) throws -> QuotaCheck.Decision {
        try holdQuotaPlaces(interviewID: interviewID, contactID: contactID, holder: holder, language: language,
                            answers: answers, resuming: false, now: now)
    }
}
