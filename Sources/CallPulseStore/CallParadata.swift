import CallPulseDomain

/// What the phone line reported about one dialled attempt, stored on its call row.
public struct CallParadata: Sendable, Hashable, Codable {
    /// Who decided the outcome: the line's signal, or the agent's key.
    public enum CodedBy: String, Sendable, Codable {
        case line, agent
    }

    /// When CallPulse dialled (Unix seconds).
    public var dialledAt: Int64
    /// Seconds from dialling to an answer or the end of the attempt.
    public var ringSeconds: Int64?
    /// Seconds from the answer to the hang-up; nil when nobody answered.
    public var talkSeconds: Int64?
    /// The SIP final status (200 for an answer), nil without one.
    public var sipStatus: Int?
    /// The status's reason text, or what ended the attempt otherwise.
    public var sipReason: String?
    public var codedBy: CodedBy?

    public init(dialledAt: Int64, ringSeconds: Int64? = nil, talkSeconds: Int64? = nil, sipStatus: Int? = nil,
                sipReason: String? = nil, codedBy: CodedBy? = nil) {
        self.dialledAt = dialledAt
        self.ringSeconds = ringSeconds
        self.talkSeconds = talkSeconds
        self.sipStatus = sipStatus
        self.sipReason = sipReason
        self.codedBy = codedBy
    }
}
