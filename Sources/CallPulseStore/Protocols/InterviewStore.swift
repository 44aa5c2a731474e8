import CallPulseDomain

/// Interviews and answers: each answer committed the moment it is entered, with the follow-ups its
/// alerts open or close, and the interview's ending. Every write checks the holder's lease.
public protocol InterviewStore: Sendable {
    /// Starts (or resumes) the contact's interview and the call it runs in.
    func startInterview(contactID: Int64, holder: LeaseHolder, language: String, callStartedAt: Int64,
                        now: Int64) throws -> (interview: InterviewRecord, callID: Int64)
    /// Saves one answer durably, opening or closing the follow-ups of `alerts`, and renews the lease.
    @discardableResult
    func saveAnswer(interviewID: Int64, contactID: Int64, questionID: String, answer: RecordedAnswer,
                    holder: LeaseHolder, alerts: [FiredAlert], leaseUntil: Int64, now: Int64) throws -> FollowUpChanges
    /// Ends the interview as a complete (AAPOR 1.1).
    func completeInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder, now: Int64) throws
    /// Ends the interview and the case with a final `disposition` (a refusal, a screen-out).
    func endInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder, disposition: String,
                      now: Int64) throws
    /// Breaks the interview off, to be resumed at `callbackAt` or ended by the break-off rule.
    func breakOffInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder, callbackAt: Int64?,
                           answeredShare: Double, disposition: String?, now: Int64) throws
}

extension InterviewStore {
    /// Breaks the interview off with the disposition the break-off rule gives.
    public func breakOffInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder,
                                  callbackAt: Int64?, answeredShare: Double, now: Int64) throws {
        try breakOffInterview(interviewID: interviewID, callID: callID, contactID: contactID, holder: holder,
                              callbackAt: callbackAt, answeredShare: answeredShare, disposition: nil, now: now)
    }
}
