import CallPulseDomain
import GRDB

/// One call attempt: who called, when, and what happened (with its AAPOR code).
public struct CallRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    public static let databaseTableName = "call"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CallOutcome: DatabaseValueConvertible {}

/// One interview with a contact; a broken-off one resumes at its first unanswered question.
public struct InterviewRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Where the interview stands.
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
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

    public static let databaseTableName = "interview"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An answer as stored: the value as JSON, the number for numeric questions, or a special answer.
public struct AnswerRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    public static let databaseTableName = "answer"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SpecialAnswer: DatabaseValueConvertible {}

/// A follow-up an alert created: someone must call the customer back.
public struct FollowUp: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    public static let databaseTableName = "followup"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A note an agent wrote about a contact or an interview.
public struct NoteRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var contactId: Int64
    public var interviewId: Int64?
    public var agent: String
    public var createdAt: Int64
    public var text: String

    public static let databaseTableName = "note"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CallRecord {
    /// Decodes a row by hand (the contact card and every retry read a contact's calls).
    public init(row: Row) throws {
        id = row["id"]
        contactId = row["contactId"]
        campaignId = row["campaignId"]
        agent = row["agent"]
        startedAt = row["startedAt"]
        endedAt = row["endedAt"]
        outcome = row["outcome"]
        aapor = row["aapor"]
        note = row["note"]
        callbackAt = row["callbackAt"]
        paradata = row.hasColumn("dialledAt") ? CallParadata(row: row) : nil
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["contactId"] = contactId
        container["campaignId"] = campaignId
        container["agent"] = agent
        container["startedAt"] = startedAt
        container["endedAt"] = endedAt
        container["outcome"] = outcome
        container["aapor"] = aapor
        container["note"] = note
        container["callbackAt"] = callbackAt
        if let paradata { paradata.encode(to: &container) }
    }
}
