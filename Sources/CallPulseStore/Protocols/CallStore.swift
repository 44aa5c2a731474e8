import CallPulseDomain

/// Calls: the outcome of each attempt with the next step it sets, notes, the line's paradata,
/// and closing a call a stopped console left open. Every write checks the holder's lease.
public protocol CallStore: Sendable {
    /// Records a finished call and plans the case's next step; returns the contact as it is now.
    @discardableResult
    func recordCall(contactID: Int64, holder: LeaseHolder, startedAt: Int64, result: CallResult, now: Int64) throws -> Contact
    /// Adds an agent's note to the contact (and the interview, when one is running).
    func addNote(contactID: Int64, interviewID: Int64?, holder: LeaseHolder, text: String, now: Int64) throws
    /// Saves what the line knew about a dialled call.
    func recordCallParadata(callID: Int64, _ paradata: CallParadata) throws
    /// Closes the call row a stopped console left open, with `code`.
    func closeInterruptedCall(callID: Int64, contactID: Int64, holder: LeaseHolder, code: String) throws
}
