import CallPulseDomain
import CallPulseStore

/// The streaming reads behind `callpulse export` on PostgreSQL: one REPEATABLE READ transaction,
/// rows handed over one at a time (libpq's single-row mode), so memory stays flat whatever the
/// campaign's size; the same values, in the same order, as the SQLite store gives.
///
/// libpq runs one query at a time on a connection, so where SQLite steps two cursors in turn
/// (interviews, answers) this reads one: each selected interview joined with its answers
/// (ordered by question id, the order SQLite's (interviewId, questionId) index yields).
extension PostgresStore {
    public func exportInterviews(_ selection: ExportSelection, contactFields: [String]?,
                                 _ body: (ExportedInterview) throws -> Void) throws {
        let personalCount = contactFields.map { 4 + $0.count } ?? 0
        var personalColumns = ""
        var parameters: [(any PGParameter)?] = [selection.campaignID, selection.since]
        if let contactFields {
            personalColumns = ", c.phone, c.name, c.firstName, c.lastName"
            for field in contactFields {
                parameters.append(field)
                personalColumns += ", \(Self.jsonField("c.fields::json -> $\(parameters.count)::text"))"
            }
        }
        let answerColumn = 8 + personalCount
        try read { connection in
            var interview = ExportedInterview()
            var started = false
            try connection.forEachRow("""
                SELECT x.*, a.questionId AS answerQuestion, \(Self.answerType("a.value::json")) AS answerType,
                       \(Self.answerText("a.value::json")) AS answerText, a.special AS answerSpecial
                FROM (SELECT i.id, i.contactId, i.agent, i.language, i.startedAt, i.endedAt,
                             COALESCE(c.disposition, i.disposition) AS disposition,
                             (SELECT string_agg(text, ' | ' ORDER BY createdAt, id) FROM note WHERE note.interviewId = i.id)
                                 AS notes
                             \(personalColumns)
                      FROM interview i JOIN contact c ON c.id = i.contactId
                      WHERE \(Self.interviewFilter(selection))) x
                LEFT JOIN answer a ON a.interviewId = x.id
                ORDER BY x.id, a.questionId COLLATE "C"
                """, parameters) { row in
                let id: Int64 = try row.value(at: 0)
                if started, id != interview.id { try body(interview) }
                if !started || id != interview.id {
                    started = true
                    interview.id = id
                    interview.contactID = try row.value(at: 1)
                    interview.agent = try row.value(at: 2)
                    interview.language = try row.value(at: 3)
                    interview.startedAt = try row.value(at: 4)
                    interview.endedAt = try row.value(at: 5)
                    interview.disposition = try row.value(at: 6)
                    interview.notes = try row.value(at: 7)
                    interview.personal.removeAll(keepingCapacity: true)
                    for index in 0..<personalCount { interview.personal.append(row[8 + index]) }
                    interview.answers.removeAll(keepingCapacity: true)
                }
                if let question = row[answerColumn] {
                    interview.answers.append(ExportedAnswer(
                        questionID: question, value: Self.exportedValue(type: row[answerColumn + 1], text: row[answerColumn + 2]),
                        special: row[answerColumn + 3]))
                }
            }
            if started { try body(interview) }
        }
    }

    public func exportCalls(_ selection: ExportSelection, personal: Bool, _ body: (ExportedCall) throws -> Void) throws {
        try read { connection in
            var call = ExportedCall()
            try connection.forEachRow("""
                SELECT k.id, k.contactId, k.startedAt, k.endedAt, k.agent, k.outcome, k.aapor, k.note,
                       k.dialledAt, k.ringSeconds, k.talkSeconds, k.sipStatus, k.sipReason, k.codedBy, c.phone, c.name
                FROM call k JOIN contact c ON c.id = k.contactId
                WHERE k.campaignId = $1 AND ($2::bigint IS NULL OR k.startedAt >= $2::bigint)
                ORDER BY k.startedAt, k.id
                """, [selection.campaignID, selection.since]) { row in
                call.id = try row.value(at: 0)
                call.contactID = try row.value(at: 1)
                call.startedAt = try row.value(at: 2)
                call.endedAt = try row.value(at: 3)
                call.agent = try row.value(at: 4)
                call.outcome = try row.value(at: 5)
                call.aapor = try row.value(at: 6)
                call.note = try row.value(at: 7)
                call.dialledAt = try row.value(at: 8)
                call.ringSeconds = try row.value(at: 9)
                call.talkSeconds = try row.value(at: 10)
                call.sipStatus = try row.value(at: 11)
                call.sipReason = try row.value(at: 12)
                call.codedBy = try row.value(at: 13)
                call.phone = personal ? row[14] : nil
                call.name = personal ? row[15] : nil
                try body(call)
            }
        }
    }

    /// The interviews an export selects ($1 the campaign, $2 `since` or NULL): complete ones
    /// (and broken-off ones with partials), never a screened-out one (4.x).
    private static func interviewFilter(_ selection: ExportSelection) -> String {
        let statuses = selection.includePartials ? "('complete', 'brokenOff')" : "('complete')"
        return """
            i.campaignId = $1 AND i.status IN \(statuses)
            AND ($2::bigint IS NULL OR COALESCE(i.endedAt, i.startedAt) >= $2::bigint)
            AND COALESCE(i.disposition, '') NOT LIKE '4.%'
            """
    }

    /// A JSON value (of type `json`, which keeps numbers as written) as SQLite's `json_extract`
    /// returns it, in text: a string as itself, true/false as 1/0, null as NULL, anything else as JSON.
    private static func jsonField(_ value: String) -> String {
        """
        CASE json_typeof(\(value)) WHEN 'string' THEN (\(value)) #>> '{}'
             WHEN 'boolean' THEN CASE WHEN (\(value) #>> '{}') = 'true' THEN '1' ELSE '0' END
             WHEN 'null' THEN NULL ELSE (\(value))::text END
        """
    }

    /// The SQLite type `json_extract` would give a stored answer: 'i' integer (a whole JSON number
    /// or true/false), 'r' real, 't' text (a string, or a choice list's codes joined by spaces).
    private static func answerType(_ value: String) -> String {
        """
        CASE json_typeof(\(value))
             WHEN 'boolean' THEN 'i'
             WHEN 'number' THEN CASE WHEN (\(value))::text ~ '^-?[0-9]+$' THEN 'i' ELSE 'r' END
             WHEN 'null' THEN NULL
             ELSE 't' END
        """
    }

    /// The stored answer's value as text for `answerType`.
    private static func answerText(_ value: String) -> String {
        """
        CASE json_typeof(\(value))
             WHEN 'array' THEN (SELECT string_agg(CASE json_typeof(e) WHEN 'string' THEN e #>> '{}'
                                                  WHEN 'boolean' THEN CASE WHEN e::text = 'true' THEN '1' ELSE '0' END
                                                  ELSE e::text END, ' ' ORDER BY n)
                                FROM json_array_elements(\(value)) WITH ORDINALITY AS t(e, n))
             WHEN 'string' THEN (\(value)) #>> '{}'
             WHEN 'boolean' THEN CASE WHEN (\(value))::text = 'true' THEN '1' ELSE '0' END
             WHEN 'null' THEN NULL
             ELSE (\(value))::text END
        """
    }

    /// An answer's value from its type and text (`answerType`, `answerText`); nil for NULL.
    private static func exportedValue(type: String?, text: String?) -> ExportedAnswer.Value? {
        guard let type, let text else { return nil }
        switch type {
        case "i": return Int64(text).map(ExportedAnswer.Value.integer) ?? Double(text).map(ExportedAnswer.Value.real)
        case "r": return Double(text).map(ExportedAnswer.Value.real)
        default: return .text(text)
        }
    }
}
