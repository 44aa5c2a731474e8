import CallPulseDomain
import CallPulseStore
import Foundation

/// The streaming reads behind `callpulse export` on PostgreSQL: one REPEATABLE READ transaction,
/// rows handed over one at a time (libpq's single-row mode), so memory stays flat whatever the
/// campaign's size; the same values, in the same order, as the SQLite store gives.
///
/// libpq runs one query at a time on a connection, so where SQLite steps two cursors in turn
/// (interviews, answers) this reads one row per interview, its answers gathered by the server into
/// three parallel `text[]` columns (question ids, values as stored, special codes; a `LATERAL`
/// subquery over the answer table's `(interviewId, questionId)` index) and read here with
/// `PGTextArray`; each value's JSON is read here too (`exportedValue(json:)`). With one row per
/// interview the notes subquery runs once per interview.
/// The answers are put in byte order of question id, as SQLite's index gives them, whatever the
/// database's collation. JIT is off for the query: compiling it cost more than it saved.
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
        try streamingRead { connection, progress in
            try connection.execute("SET LOCAL jit = off")
            var interview = ExportedInterview()
            try connection.forEachRow("""
                SELECT i.id, i.contactId, i.agent, i.language, i.startedAt, i.endedAt,
                       COALESCE(c.disposition, i.disposition),
                       (SELECT string_agg(text, ' | ' ORDER BY createdAt, id) FROM note WHERE note.interviewId = i.id)
                       \(personalColumns),
                       a.questions, a.answerValues, a.specials
                FROM interview i JOIN contact c ON c.id = i.contactId
                CROSS JOIN LATERAL (SELECT array_agg(questionId) AS questions, array_agg(value) AS answerValues,
                                           array_agg(special) AS specials
                                    FROM answer WHERE answer.interviewId = i.id) a
                WHERE \(Self.interviewFilter(selection))
                ORDER BY i.id
                """, parameters) { row in
                interview.id = try row.value(at: 0)
                interview.contactID = try row.value(at: 1)
                interview.agent = try row.value(at: 2)
                interview.language = try row.value(at: 3)
                interview.startedAt = try row.value(at: 4)
                interview.endedAt = try row.value(at: 5)
                interview.disposition = try row.value(at: 6)
                interview.notes = try row.value(at: 7)
                interview.personal.removeAll(keepingCapacity: true)
                for index in 0..<personalCount { interview.personal.append(row[8 + index]) }
                try Self.readAnswers(row, at: answerColumn, into: &interview.answers)
                progress.handedOver = true
                try body(interview)
            }
        }
    }

    /// Fills `answers` from the three arrays at `column` (question ids, values, specials; all
    /// NULL for an interview without answers), in byte order of question id.
    private static func readAnswers(_ row: PGRow, at column: Int, into answers: inout [ExportedAnswer]) throws {
        answers.removeAll(keepingCapacity: true)
        guard let questionsText = row[column] else { return }
        guard let questions = PGTextArray.elements(questionsText),
              let values = row[column + 1].flatMap { PGTextArray.elements($0) },
              let specials = row[column + 2].flatMap { PGTextArray.elements($0) },
              values.count == questions.count, specials.count == questions.count else {
            throw PostgresError(kind: .client, message: "the export's answer arrays cannot be read: \(questionsText.prefix(80))",
                                address: "")
        }
        var sorted = true
        for index in questions.indices {
            guard let question = questions[index] else {
                throw PostgresError(kind: .client, message: "the export read an answer without a question id", address: "")
            }
            if let last = answers.last, !last.questionID.utf8.lexicographicallyPrecedes(question.utf8) { sorted = false }
            answers.append(ExportedAnswer(questionID: question, value: values[index].flatMap(exportedValue(json:)),
                                          special: specials[index]))
        }
        if !sorted { answers.sort { $0.questionID.utf8.lexicographicallyPrecedes($1.questionID.utf8) } }
    }

    public func exportCalls(_ selection: ExportSelection, personal: Bool, _ body: (ExportedCall) throws -> Void) throws {
        try streamingRead { connection, progress in
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
                progress.handedOver = true
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

    /// A stored answer (JSON text, as `AnswerCodec` writes it) as the SQLite store exports it
    /// (`json_extract`, and a choice list's codes joined by spaces): a whole number as an integer,
    /// another number as a real, true/false as 1/0, a string as itself, a list as its elements
    /// joined by spaces (strings as themselves, true/false as 1/0, anything else as written), an
    /// object as written; nil for null. Read here rather than by the server: the JSON functions
    /// over every answer row took most of the export's query time.
    static func exportedValue(json raw: String) -> ExportedAnswer.Value? {
        // Byte checks, not Foundation's trimming or a Regex: this runs for every answer exported.
        let bytes = raw.utf8
        let text = bytes.first.map(isSpace) == true || bytes.last.map(isSpace) == true
            ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        guard let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "\""): return jsonString(text).map(ExportedAnswer.Value.text)
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return scalar(text).map { .integer($0 == "1" ? 1 : 0) }
        case UInt8(ascii: "n"): return nil
        case UInt8(ascii: "["):
            let items = elements(of: text)
            return items.isEmpty ? nil : .text(items.map { scalar($0) ?? $0 }.joined(separator: " "))
        case UInt8(ascii: "{"): return .text(text)
        default:
            let digits = text.utf8.drop { $0 == UInt8(ascii: "-") }
            if !digits.isEmpty, text.utf8.count - digits.count <= 1,
               digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return Int64(text).map(ExportedAnswer.Value.integer) ?? Double(text).map(ExportedAnswer.Value.real)
            }
            return Double(text).map(ExportedAnswer.Value.real)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// A JSON scalar element as the export writes it inside a list: a string as itself,
    /// true/false as 1/0; nil for anything else (written as it is).
    private static func scalar(_ element: String) -> String? {
        switch element {
        case "true": "1"
        case "false": "0"
        default: element.first == "\"" ? jsonString(element) : nil
        }
    }

    /// A JSON string literal's text (decoded by Foundation only when it holds an escape).
    private static func jsonString(_ literal: String) -> String? {
        let bytes = literal.utf8
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return nil }
        if !bytes.contains(UInt8(ascii: "\\")) { return String(literal.dropFirst().dropLast()) }
        return (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) as? String
    }

    /// The top-level elements of a JSON array, each as written (trimmed).
    private static func elements(of array: String) -> [String] {
        var elements: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in array.dropFirst().dropLast() {
            if inString {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true; current.append(character)
            case "[", "{": depth += 1; current.append(character)
            case "]", "}": depth -= 1; current.append(character)
            case "," where depth == 0:
                elements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            default: current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty || !elements.isEmpty { elements.append(last) }
        return elements
    }
}
