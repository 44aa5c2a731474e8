import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Erases, in the caller's transaction, the personal data of the contacts `condition` selects
    /// (an SQL condition on `contact`; contacts erased earlier are left alone). Returns how many
    /// contacts were erased.
    ///
    /// - the contact: name parts, number (replaced by `erased #ID`, which keeps the campaign's
    ///   numbers unique and matches no real one), region, time zone, imported fields, appointment
    ///   note, lease and the call-list line it came from; `erasedAt` is set.
    /// - free-text answers become `(erased)`; numbers, scales, yes/no and choices stay, so the
    ///   stats tallies (kept by triggers on `answer.number`) do not move.
    /// - notes are deleted, call notes and follow-up resolutions blanked; audit lines that quoted a
    ///   free-text answer or a resolution keep only what they are about.
    /// - `endOpenCases` (forget): an unfinished case ends as a refusal (2.11) and its open
    ///   follow-ups are resolved, since nobody could call back; a purge leaves both as they are.
    ///
    /// The contact rows are written last: once `erasedAt` is set, the erasure guards of migration
    /// `v3-erasure` refuse any further change for them.
    @discardableResult
    static func eraseContacts(_ db: Database, where condition: SQL, actor: String, endOpenCases: Bool,
                              now: Int64) throws -> Int {
        let contacts: SQL = "SELECT id FROM contact WHERE erasedAt IS NULL AND (\(condition))"
        let interviews: SQL = "SELECT id FROM interview WHERE contactId IN (\(contacts))"
        let erasedAnswer = try encodeAnswer(.text(erasedText))
        try db.execute(literal: """
            UPDATE answer SET value = \(erasedAnswer)
            WHERE interviewId IN (\(interviews)) AND CASE WHEN json_valid(value) THEN json_type(value) END = 'text'
            """)
        // "nps_reason: "old words" → "new words"" keeps "nps_reason:"; "nps: 3 → 7" stays as it is.
        try db.execute(literal: """
            UPDATE audit SET detail = substr(detail, 1, instr(detail, ':')) || ' ' || \(erasedText)
            WHERE entity = 'interview' AND action = 'change-answer'
              AND entityId IN (SELECT CAST(id AS TEXT) FROM (\(interviews)))
              AND (detail LIKE '%: "%' OR detail LIKE '%→ "%')
            """)
        try db.execute(literal: "DELETE FROM note WHERE contactId IN (\(contacts))")
        try db.execute(literal: "UPDATE call SET note = NULL WHERE note IS NOT NULL AND contactId IN (\(contacts))")
        let followUps: SQL = "SELECT id FROM followup WHERE contactId IN (\(contacts))"
        try db.execute(literal: """
            UPDATE audit SET detail = \(erasedText)
            WHERE entity = 'followup' AND detail IS NOT NULL AND entityId IN (SELECT CAST(id AS TEXT) FROM (\(followUps)))
            """)
        try db.execute(literal: """
            UPDATE followup SET resolutionNote = \(erasedText)
            WHERE resolutionNote IS NOT NULL AND contactId IN (\(contacts))
            """)
        if endOpenCases {
            let closing = "closed: the person's data was erased"
            try db.execute(literal: """
                INSERT INTO audit (at, actor, action, entity, entityId, detail)
                SELECT \(now), \(actor), 'resolve', 'followup', CAST(id AS TEXT), \(closing)
                FROM followup WHERE resolvedAt IS NULL AND contactId IN (\(contacts))
                """)
            try db.execute(literal: """
                UPDATE followup SET resolvedAt = \(now), resolvedBy = \(actor), resolutionNote = \(closing)
                WHERE resolvedAt IS NULL AND contactId IN (\(contacts))
                """)
        }
        let endCase: SQL = endOpenCases
            ? ", status = 'done', disposition = CASE WHEN status = 'done' THEN disposition ELSE '2.11' END, nextCallAt = NULL"
            : ""
        try db.execute(literal: """
            UPDATE contact SET phone = 'erased #' || id, phoneRegion = NULL, name = NULL, firstName = NULL, lastName = NULL,
                               timeZone = NULL, fields = '{}', appointmentAgent = NULL, appointmentNote = NULL,
                               leaseAgent = NULL, leaseUntil = NULL, importLine = NULL, erasedAt = \(now) \(endCase)
            WHERE erasedAt IS NULL AND (\(condition))
            """)
        return db.changesCount
    }
}
