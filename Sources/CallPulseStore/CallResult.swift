import CallPulseDomain

/// What the agent decided a call's next step is, for outcomes other than an interview.
public struct CallResult: Sendable {
    public var outcome: CallOutcome
    public var note: String?
    /// For `.callBack`: the agreed time.
    public var callbackAt: Int64?
    /// What the line reported, when CallPulse dialled the call.
    public var paradata: CallParadata?

    public init(outcome: CallOutcome, note: String? = nil, callbackAt: Int64? = nil, paradata: CallParadata? = nil) {
        self.outcome = outcome
        self.note = note
        self.callbackAt = callbackAt
        self.paradata = paradata
    }
}
