import CallPulseDomain
import CallPulseStore
import Foundation

extension PostgresStore {
    /// After an answer: ends nothing itself, but decides (`QuotaCheck.decide`) whether the answers
    /// put the interview in a full answer group, and otherwise holds its place in the answer groups
    /// it is in, in one transaction under the campaign's quota lock (`lockQuotas`), so two consoles
    /// never both take a group's last place. Only while `holder` holds the contact's lease
    /// (`StoreError.leaseLost` if not).
    ///
    /// - Parameter resuming: the first check of an interview taken up again: the places it held
    ///   before it broke off were not counted meanwhile, so every group is checked afresh.
    public func holdQuotaPlaces(interviewID: Int64, contactID: Int64, holder: LeaseHolder, language: String,
                                answers: [String: AnswerValue], resuming: Bool = false,
                                now: Int64) throws -> QuotaCheck.Decision {
        try write { conn in
            // A place lost in a crash only loosens the count, as a lost lease does: not synced on its own.
            try conn.execute("SET LOCAL synchronous_commit TO OFF")
            guard let contact = try conn.execute("SELECT campaignId, fields FROM contact WHERE id = $1", [contactID]).first
            else { throw StoreError.contactNotFound(contactID) }
            let campaignID: String = try contact.value("campaignId")
            try Self.lockQuotas(conn, campaignID: campaignID)
            try Self.requireLease(conn, contactID: contactID, holder: holder, locking: false)
            let standings = try Self.quotaStandings(conn, campaignID: campaignID, now: now, kinds: [.answerOnly, .both],
                                                    excluding: interviewID)
            guard !standings.isEmpty else { return .hold([]) }
            let holding = resuming ? [] : Set(try conn.execute("""
                SELECT q.name FROM quotaInterview qi JOIN quota q ON q.id = qi.quotaId
                WHERE qi.interviewId = $1 AND qi.complete = 0
                """, [interviewID]).rows.map { try $0.value(at: 0, as: String.self) })
            let decision = QuotaCheck.decide(standings.map(\.standing), holding: holding,
                                             fields: Self.quotaFieldValues(contact["fields"]), language: language,
                                             answers: answers)
            try conn.execute("DELETE FROM quotaInterview WHERE interviewId = $1 AND complete = 0", [interviewID])
            if case let .hold(names) = decision {
                for (id, standing) in standings where names.contains(standing.quota.name) {
                    try conn.execute("INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES ($1, $2, 0)",
                                     [id, interviewID])
                }
            }
            return decision
        }
    }

    /// Counts a complete interview in every quota group its contact's fields and its answers put
    /// it in, in the transaction that completes it (after the interview is marked complete).
    /// Over the target it still counts. Takes the campaign's quota lock (`lockQuotas`) first, so
    /// a place given up here and the complete taken are seen together by every other console.
    static func countInQuotas(_ conn: PGConnection, interviewID: Int64) throws {
        guard let row = try conn.execute("""
            SELECT i.campaignId, i.language, c.fields FROM interview i JOIN contact c ON c.id = i.contactId WHERE i.id = $1
            """, [interviewID]).first else {
            try conn.execute("DELETE FROM quotaInterview WHERE interviewId = $1", [interviewID])
            return
        }
        let campaignID: String = try row.value("campaignId")
        try lockQuotas(conn, campaignID: campaignID)
        try conn.execute("DELETE FROM quotaInterview WHERE interviewId = $1", [interviewID])
        let stored = try quotas(conn, campaignID: campaignID)
        guard !stored.isEmpty else { return }
        let answers = try storedQuotaAnswers(conn, interviewID: interviewID)
        let counted = Set(QuotaCheck.countedIn(stored.map(\.quota), fields: quotaFieldValues(row["fields"]),
                                               language: try row.value("language"), answers: answers).map(\.name))
        for quota in stored where counted.contains(quota.quota.name) {
            try conn.execute("INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES ($1, $2, 1)",
                             [quota.id, interviewID])
        }
    }

    /// Counts the campaign's complete interviews in a quota added or redefined now.
    static func countCompletes(_ conn: PGConnection, in quota: StoredQuota, campaignID: String) throws {
        let rows = try conn.execute("""
            SELECT i.id, i.language, c.fields FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE i.campaignId = $1 AND i.status = 'complete'
            """, [campaignID]).rows
        for row in rows {
            let id: Int64 = try row.value("id")
            let answers = quota.quota.group.answerNames.isEmpty ? [:] : try storedQuotaAnswers(conn, interviewID: id)
            guard quota.quota.group.contains(fields: quotaFieldValues(row["fields"]), language: try row.value("language"),
                                             answers: answers)
            else { continue }
            try conn.execute("INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES ($1, $2, 1)",
                             [quota.id, id])
        }
    }

    /// An interview's real answers (not skipped, don't know or refused), by question id.
    private static func storedQuotaAnswers(_ conn: PGConnection, interviewID: Int64) throws -> [String: AnswerValue] {
        try conn.execute("""
            SELECT questionId, value FROM answer WHERE interviewId = $1 AND value IS NOT NULL AND special IS NULL
            """, [interviewID]).rows.reduce(into: [:]) { answers, row in
            if let value = AnswerCodec.decode(try row.value("value")) { answers[try row.value("questionId")] = value }
        }
    }
}
