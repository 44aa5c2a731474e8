/// One call attempt as the call export (the paradata) reads it from the store.
public struct ExportedCall: Sendable {
    public var id: Int64 = 0
    public var contactID: Int64 = 0
    public var startedAt: Int64 = 0
    public var endedAt: Int64?
    public var agent: String?
    public var outcome: String?
    public var aapor: String?
    public var note: String?
    /// What the line said, when CallPulse dialled: when, seconds ringing and talking, the SIP
    /// status and reason, and whether the line or the agent coded the outcome.
    public var dialledAt: Int64?
    public var ringSeconds: Int64?
    public var talkSeconds: Int64?
    public var sipStatus: Int64?
    public var sipReason: String?
    public var codedBy: String?
    /// With personal data: the contact's phone and name.
    public var phone: String?
    public var name: String?

    public init() {}
}
