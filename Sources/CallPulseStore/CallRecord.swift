import CallPulseDomain

/// One call attempt: who called, when, and what happened (with its AAPOR code).
public struct CallRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var contactId: Int64
    public var campaignId: String
    public var agent: String
    public var startedAt: Int64
    public var endedAt: Int64?
    public var outcome: CallOutcome?
    public var aapor: String?
    public var note: String?
    public var callbackAt: Int64?
    /// What the phone line reported about this attempt, when CallPulse dialled it.
    public var paradata: CallParadata? = nil

    public init(id: Int64? = nil, contactId: Int64, campaignId: String, agent: String, startedAt: Int64,
                endedAt: Int64? = nil, outcome: CallOutcome? = nil, aapor: String? = nil, note: String? = nil,
                callbackAt: Int64? = nil, paradata: CallParadata? = nil) {
        self.id = id
        self.contactId = contactId
        self.campaignId = campaignId
        self.agent = agent
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.aapor = aapor
        self.note = note
        self.callbackAt = callbackAt
        self.paradata = paradata
    }
}

/// One interview with a contact; a broken-off one resumes at its first unanswered question.
public struct InterviewRecord: Codable, Sendable, Hashable {
    /// Where the interview stands.
    public enum Status: String, Codable, Sendable {
        case active, brokenOff, complete
    }

    public var id: Int64?
    public var contactId: Int64
    public var campaignId: String
    public var agent: String
    public var language: String
    public var status: Status
    public var startedAt: Int64
    public var endedAt: Int64?
    public var disposition: String?

    public init(id: Int64? = nil, contactId: Int64, campaignId: String, agent: String, language: String,
                status: Status, startedAt: Int64, endedAt: Int64? = nil, disposition: String? = nil) {
        self.id = id
        self.contactId = contactId
        self.campaignId = campaignId
        self.agent = agent
        self.language = language
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.disposition = disposition
    }
}

/// An answer as stored: the value as JSON, the number for numeric questions, or a special answer.
public struct AnswerRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var interviewId: Int64
    public var questionId: String
    /// `AnswerValue` as bare JSON (`7`, `true`, `"text"`, `["a"]`); nil for a special answer.
    public var value: String?
    /// The numeric value of nps, ces, csat, scale and number answers, for fast statistics.
    public var number: Double?
    public var special: SpecialAnswer?
    public var agent: String
    public var answeredAt: Int64

    public init(id: Int64? = nil, interviewId: Int64, questionId: String, value: String? = nil, number: Double? = nil,
                special: SpecialAnswer? = nil, agent: String, answeredAt: Int64) {
        self.id = id
        self.interviewId = interviewId
        self.questionId = questionId
        self.value = value
        self.number = number
        self.special = special
        self.agent = agent
        self.answeredAt = answeredAt
    }
}

/// A follow-up an alert created: someone must call the customer back.
public struct FollowUp: Codable, Sendable, Hashable {
    public var id: Int64?
    public var campaignId: String
    public var contactId: Int64
    public var interviewId: Int64?
    public var alertIndex: Int
    public var reason: String
    public var createdAt: Int64
    public var dueAt: Int64?
    public var resolvedAt: Int64?
    public var resolvedBy: String?
    public var resolutionNote: String?

    public init(id: Int64? = nil, campaignId: String, contactId: Int64, interviewId: Int64? = nil, alertIndex: Int,
                reason: String, createdAt: Int64, dueAt: Int64? = nil, resolvedAt: Int64? = nil,
                resolvedBy: String? = nil, resolutionNote: String? = nil) {
        self.id = id
        self.campaignId = campaignId
        self.contactId = contactId
        self.interviewId = interviewId
        self.alertIndex = alertIndex
        self.reason = reason
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.resolutionNote = resolutionNote
    }
}

/// A note an agent wrote about a contact or an interview.
public struct NoteRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var contactId: Int64
    public var interviewId: Int64?
    public var agent: String
    public var createdAt: Int64
    public var text: String

    public init(id: Int64? = nil, contactId: Int64, interviewId: Int64? = nil, agent: String, createdAt: Int64,
                text: String) {
        self.id = id
        self.contactId = contactId
        self.interviewId = interviewId
        self.agent = agent
        self.createdAt = createdAt
        self.text = text
    }
}

