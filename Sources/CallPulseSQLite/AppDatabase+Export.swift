import CallPulseDomain
import CallPulseStore
import GRDB

/// The streaming reads behind `callpulse export`: rows are read from SQLite one at a time and
/// handed over as plain values, so memory stays flat whatever the campaign's size.
extension AppDatabase {
    /// Hands `body` the selected interviews in id order, each with its answers, all read in one
    /// read transaction (one snapshot). With `contactFields` (personal data wanted), each carries
    /// the contact's phone, name parts and those fields.
    public func exportInterviews(_ selection: ExportSelection, contactFields: [String]?,
                                 _ body: (ExportedInterview) throws -> Void) throws {
        let personalCount = contactFields.map { 4 + $0.count } ?? 0
        try read { db in
            let interviews = try Self.exportedInterviews(db, selection, contactFields: contactFields)
            let answers = try Self.exportedAnswers(db, selection)
            var pending = try answers.next().map(PendingAnswer.init)
            // One value, refilled for every row: its arrays keep their storage.
            var interview = ExportedInterview()
            while let row = try interviews.next() {
                interview.id = row[0]
                interview.contactID = row[1]
                interview.agent = row[2]
                interview.language = row[3]
                interview.startedAt = row[4]
                interview.endedAt = row[5]
                interview.disposition = row[6]
                interview.notes = row[7]
                interview.personal.removeAll(keepingCapacity: true)
                for index in 0..<personalCount { interview.personal.append(row[8 + index]) }
                interview.answers.removeAll(keepingCapacity: true)
                while let answer = pending, answer.interviewID <= interview.id {
                    if answer.interviewID == interview.id { interview.answers.append(answer.answer) }
                    pending = try answers.next().map(PendingAnswer.init)
                }
                try body(interview)
            }
        }
    }

    /// Hands `body` the selected call attempts, oldest first, in one read transaction; with
    /// `personal`, each carries the contact's phone and name.
    public func exportCalls(_ selection: ExportSelection, personal: Bool, _ body: (ExportedCall) throws -> Void) throws {
        try read { db in
            let calls = try Self.exportedCalls(db, selection, personal: personal)
            var call = ExportedCall()
            while let row = try calls.next() {
                call.id = row[0]
                call.contactID = row[1]
                call.startedAt = row[2]
                call.endedAt = row[3]
                call.agent = row[4]
                call.outcome = row[5]
                call.aapor = row[6]
                call.note = row[7]
                call.dialledAt = row[8]
                call.ringSeconds = row[9]
                call.talkSeconds = row[10]
                call.sipStatus = row[11]
                call.sipReason = row[12]
                call.codedBy = row[13]
                call.phone = personal ? row[14] : nil
                call.name = personal ? row[15] : nil
                try body(call)
            }
        }
    }

    /// The interviews, ordered by id. Columns, by position: 0 id, 1 contactId, 2 agent,
    /// 3 language, 4 startedAt, 5 endedAt, 6 disposition (the case's final one when it has one),
    /// 7 notes (the interview's notes joined by " | "), then when `contactFields` is given:
    /// phone, name, firstName, lastName and each named field from the contact's `fields`.
    private static func exportedInterviews(_ db: Database, _ selection: ExportSelection,
                                   contactFields: [String]?) throws -> RowCursor {
        var columns: [SQL] = [
            "i.id", "i.contactId", "i.agent", "i.language", "i.startedAt", "i.endedAt",
            "COALESCE(c.disposition, i.disposition)",
            """
            (SELECT group_concat(text, ' | ') FROM (SELECT text FROM note WHERE note.interviewId = i.id
             ORDER BY createdAt, id))
            """,
        ]
        if let contactFields {
            columns += ["c.phone", "c.name", "c.firstName", "c.lastName"]
            // A JSON path naming the key in quotes: campaign field names are normalized identifiers.
            columns += contactFields.map { field in "json_extract(c.fields, \("$.\"" + field + "\""))" }
        }
        let request = SQLRequest<Row>("""
            SELECT \(columns.joined(separator: ", "))
            FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE \(interviewFilter(selection))
            ORDER BY i.id
            """)
        return try Row.fetchCursor(db, request)
    }

    /// The answers of the interviews `exportedInterviews` returns, ordered by interview.
    /// Columns: 0 interviewId, 1 questionId, 2 the value as an SQL value (a number, 1/0 for
    /// yes/no, the text, or a choice list's codes joined by spaces; NULL for a special answer),
    /// 3 special (`skipped`, `dontKnow`, `refused` or NULL).
    private static func exportedAnswers(_ db: Database, _ selection: ExportSelection) throws -> RowCursor {
        let request = SQLRequest<Row>("""
            SELECT a.interviewId, a.questionId,
                   CASE WHEN json_type(a.value) = 'array'
                        THEN (SELECT group_concat(value, ' ') FROM json_each(a.value))
                        ELSE json_extract(a.value, '$') END,
                   a.special
            FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE \(interviewFilter(selection))
            ORDER BY i.id
            """)
        return try Row.fetchCursor(db, request)
    }

    /// The call attempts, ordered by time. Columns: 0 id, 1 contactId, 2 startedAt, 3 endedAt,
    /// 4 agent, 5 outcome, 6 aapor, 7 note, then with `personal`: 8 phone, 9 name.
    private static func exportedCalls(_ db: Database, _ selection: ExportSelection, personal: Bool) throws -> RowCursor {
        let personalColumns: SQL = personal ? ", c.phone, c.name" : ""
        let since: SQL = selection.since.map { "AND k.startedAt >= \($0)" } ?? ""
        let request = SQLRequest<Row>("""
            SELECT k.id, k.contactId, k.startedAt, k.endedAt, k.agent, k.outcome, k.aapor, k.note,
                   k.dialledAt, k.ringSeconds, k.talkSeconds, k.sipStatus, k.sipReason, k.codedBy \(personalColumns)
            FROM call k JOIN contact c ON c.id = k.contactId
            WHERE k.campaignId = \(selection.campaignID) \(since)
            ORDER BY k.startedAt, k.id
            """)
        return try Row.fetchCursor(db, request)
    }

    /// The same condition for interviews and their answers, so the two cursors stay in step.
    /// The unary `+` keeps SQLite off the (campaignId, status) index, whose order by status would
    /// need a sort of every row; `interview_export` (campaignId, id) yields them in id order.
    /// A screened-out interview (4.x) is not a respondent's, so it is never exported.
    private static func interviewFilter(_ selection: ExportSelection) -> SQL {
        let statuses = selection.includePartials ? ["complete", "brokenOff"] : ["complete"]
        let since: SQL = selection.since.map { "AND COALESCE(i.endedAt, i.startedAt) >= \($0)" } ?? ""
        return """
            i.campaignId = \(selection.campaignID) AND +i.status IN \(statuses) \(since)
            AND COALESCE(i.disposition, '') NOT LIKE '4.%'
            """
    }
}

/// An answer read ahead from its cursor, waiting for its interview's row.
private struct PendingAnswer {
    var interviewID: Int64
    var answer: ExportedAnswer

    init(_ row: Row) {
        interviewID = row[0]
        answer = ExportedAnswer(questionID: row[1], value: Self.value(row[2]), special: row[3])
    }

    /// The value as the export writes it; nil for NULL (a special answer).
    static func value(_ value: DatabaseValue) -> ExportedAnswer.Value? {
        switch value.storage {
        case let .int64(number): .integer(number)
        case let .double(number): .real(number)
        case let .string(text): .text(text)
        case .null, .blob: nil
        }
    }
}
