import CallPulseDomain
import CallPulseStore
import GRDB

extension CallRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "call"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Decodes a row by hand (the contact card and every retry read a contact's calls).
    public init(row: Row) throws {
        self.init(id: row["id"], contactId: row["contactId"], campaignId: row["campaignId"], agent: row["agent"],
                  startedAt: row["startedAt"], endedAt: row["endedAt"], outcome: row["outcome"], aapor: row["aapor"],
                  note: row["note"], callbackAt: row["callbackAt"],
                  paradata: row.hasColumn("dialledAt") ? CallParadata(row: row) : nil)
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

extension CallOutcome: DatabaseValueConvertible {}

extension InterviewRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension InterviewRecord.Status: DatabaseValueConvertible {}

extension AnswerRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "answer"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SpecialAnswer: DatabaseValueConvertible {}

extension FollowUp: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followup"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NoteRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "note"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
