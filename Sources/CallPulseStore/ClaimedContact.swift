import CallPulseDomain

/// A contact an agent holds the lease on, with everything the contact card shows.
public struct ClaimedContact: Sendable {
    /// Why this contact came up now.
    public enum Reason: String, Sendable {
        case appointment, retry, fresh
        /// The agent's own contact, left leased by a console of theirs that stopped (crash, dropped SSH session).
        case interrupted
    }

    public var contact: Contact
    public var reason: Reason
    /// Earlier attempts, oldest first.
    public var calls: [CallRecord]
    public var notes: [NoteRecord]
    /// A broken-off (or crashed) interview to resume, with its answers so far.
    public var resumable: InterviewRecord?
    public var answers: [AnswerRecord]

    /// A call row a console that stopped left open (no end, no disposition), to be closed now.
    public var interruptedCall: CallRecord? { calls.last { $0.endedAt == nil } }

    public init(contact: Contact, reason: Reason, calls: [CallRecord], notes: [NoteRecord],
                resumable: InterviewRecord? = nil, answers: [AnswerRecord]) {
        self.contact = contact
        self.reason = reason
        self.calls = calls
        self.notes = notes
        self.resumable = resumable
        self.answers = answers
    }
}

/// What claiming the next contact gave.
public enum ClaimResult: Sendable {
    case claimed(ClaimedContact)
    case nothing(NothingToCall)
}
