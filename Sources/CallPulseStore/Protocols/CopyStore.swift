/// Moving a whole store to another engine (`callpulse db copy`): every row of every table, with
/// its ids, in one read snapshot on the source and one transaction on the target, so a copy is
/// all or nothing. The tallies and agent sessions (`derivedTables`) are copied too when the target
/// takes them (`CopyTarget.takesDerivedTables`); otherwise its triggers build them from the rows as
/// they arrive.
public enum CopyPlan {
    /// The tables a copy moves, in an order that keeps every reference valid.
    public static let tables = [
        "campaign", "callListImport", "contact", "call", "interview", "answer", "note", "followup", "doNotCall", "audit",
        "quota", "quotaSetting", "quotaInterview",
    ]

    /// The tables both engines' triggers keep from the others: the live tallies behind `stats`,
    /// and the agents' sessions.
    public static let derivedTables = [
        "contactTally", "callTally", "interviewTally", "scoreTally", "agentScoreTally", "followupTally", "choiceTally",
        "agentSession",
    ]

    /// The key a table's rows are read in (its primary key).
    public static func key(of table: String) -> String {
        switch table {
        case "doNotCall": "phone"
        case "quotaSetting": "campaignId"
        case "quotaInterview": "quotaId, interviewId"
        case "contactTally": "campaignId, status, code, attempted"
        case "callTally", "interviewTally": "campaignId, agent, hour"
        case "scoreTally": "campaignId, questionId, day, value"
        case "agentScoreTally": "campaignId, questionId, agent"
        case "followupTally": "campaignId, dueHour"
        case "choiceTally": "campaignId, questionId, value"
        case "agentSession": "campaignId, agent, startedAt"
        default: "id"
        }
    }

    /// The tables whose `id` the target hands out itself after the copy.
    public static let identityTables = [
        "callListImport", "contact", "call", "interview", "answer", "note", "followup", "audit", "quota",
    ]
}

/// One stored value as both engines hold it.
public enum StoredValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A store rows can be copied out of.
public protocol CopySource: Sendable {
    /// Calls `body` once per table of `tables`, in order, in one read snapshot, with the table's
    /// columns and a function that streams its rows in key order.
    func copyOut(tables: [String],
                 _ body: (_ table: String, _ columns: [String],
                          _ eachRow: (([StoredValue]) throws -> Void) throws -> Void) throws -> Void) throws
    /// How many rows `table` holds.
    func rowCount(of table: String) throws -> Int
}

/// A store rows can be copied into.
public protocol CopyTarget: Sendable {
    /// Whether the copy writes `CopyPlan.derivedTables` as the source holds them, with the
    /// target's own triggers off while it writes. PostgreSQL does: its triggers, firing once per
    /// copied row in one transaction, update the same tally rows again and again, and each
    /// update of a row already updated in the transaction costs more than the last (a
    /// 1,000,000-contact campaign did not finish in hours).
    var takesDerivedTables: Bool { get }
    /// Runs `body` in one transaction that writes rows with `write(table, columns, rows)`; when it
    /// returns, the ids handed out next follow the largest copied ones. Nothing stays if it throws.
    /// Contacts are written as not erased and marked erased at the end, so the guards that keep
    /// anything new from being recorded for an erased person let their history in.
    func copyIn(_ body: (_ write: (String, [String], [[StoredValue]]) throws -> Void) throws -> Void) throws
    /// How many rows `table` holds.
    func rowCount(of table: String) throws -> Int
}
