import CallPulseDomain
import CallPulseStore

/// `CallStore` on PostgreSQL: SQLite's `AppDatabase+Calls`, each write in one transaction that
/// first locks the contact and checks the holder's lease (`requireLease`).
extension PostgresStore: CallStore {
    /// Records a call that did not become an interview and schedules what comes next (`NextStep`):
    /// a retry by the campaign's rules, an appointment, or the end of the case with its AAPOR
    /// disposition. "Never call again" also puts the number on the do-not-call list. Returns the
    /// contact as it is afterwards.
    ///
    /// Unlike SQLite (which plans from a read snapshot, then writes), the plan is made inside the
    /// write transaction after the contact is locked: nothing can change the contact in between.
    @discardableResult
    public func recordCall(contactID: Int64, holder: LeaseHolder, startedAt: Int64, result: CallResult,
                           now: Int64) throws -> Contact {
        precondition(result.outcome != .answered, "an answered call starts an interview")
        let agent = holder.agent
        return try write { conn in
            // Sent again after a commit whose outcome was lost: the call's row is there already.
            guard let current = try Self.leasedContact(conn, contactID: contactID, holder: holder, unlessDone: {
                try conn.execute("""
                    SELECT 1 FROM call WHERE contactId = $1 AND agent = $2 AND startedAt = $3 AND outcome = $4
                      AND endedAt IS NOT NULL
                    """, [contactID, agent, startedAt, result.outcome.rawValue]).first != nil
            }) else {
                return try Self.contact(conn, id: contactID)
            }
            // A contact never tried has no calls and no interview yet (a call and its attempt are
            // written together): two reads fewer for a fresh contact's first call.
            let tried = current.attempts > 0
            let plan = try current.afterCall(result, startedAt: startedAt, agent: agent,
                                             campaign: try Self.campaignRules(conn, id: current.campaignId),
                                             calls: tried ? try Self.plannedCalls(conn, contactID: contactID) : [],
                                             brokenOffInterview: tried
                                                 ? try Self.brokenOffDisposition(conn, contactID: contactID) : nil,
                                             now: now)
            _ = try Self.insertCall(conn, plan.call)
            try Self.updateSchedule(conn, plan.contact)
            if let source = plan.doNotCallSource {
                try Self.addDoNotCall(conn, phone: current.phone, actor: agent, source: source, note: result.note, now: now)
            }
            if let note = plan.note {
                try Self.insertNote(conn, contactID: contactID, interviewID: nil, agent: agent, text: note.text, now: now)
            }
            return plan.contact
        }
    }

    /// Adds a free-text note to a contact (and its interview, when one is running), while `holder`
    /// holds its lease.
    public func addNote(contactID: Int64, interviewID: Int64?, holder: LeaseHolder, text: String, now: Int64) throws {
        try write { conn in
            try Self.requireLease(conn, contactID: contactID, holder: holder)
            // Sent again after a commit whose outcome was lost (`requireLease(_:contactID:holder:unlessDone:)`):
            // the same words from the same agent a moment ago are that note.
            guard try conn.execute("""
                SELECT 1 FROM note WHERE contactId = $1 AND interviewId IS NOT DISTINCT FROM $2 AND agent = $3 AND text = $4
                  AND createdAt >= $5
                """, [contactID, interviewID, holder.agent, text, now - Self.resendWindow]).first == nil
            else { return }
            try Self.insertNote(conn, contactID: contactID, interviewID: interviewID, agent: holder.agent, text: text,
                                now: now)
        }
    }

    /// Saves what the line knew about a dialled call.
    public func recordCallParadata(callID: Int64, _ paradata: CallParadata) throws {
        try write { conn in
            _ = try conn.execute("""
                UPDATE call SET dialledAt = $1, ringSeconds = $2, talkSeconds = $3, sipStatus = $4, sipReason = $5,
                                codedBy = $6
                WHERE id = $7
                """, [paradata.dialledAt, paradata.ringSeconds, paradata.talkSeconds, paradata.sipStatus,
                      paradata.sipReason, paradata.codedBy?.rawValue, callID])
        }
    }

    /// Closes a call row a stopped console left open, when its contact is taken back: the call
    /// ends at its last saved answer (else when it started) with `code`, and its interview, still
    /// active, is broken off with the same code. Nothing happens when the row was closed meanwhile.
    /// Only while `holder` holds the contact's lease.
    public func closeInterruptedCall(callID: Int64, contactID: Int64, holder: LeaseHolder, code: String) throws {
        try write { conn in
            try Self.requireLease(conn, contactID: contactID, holder: holder)
            guard let startedAt = try conn.execute("SELECT startedAt FROM call WHERE id = $1 AND endedAt IS NULL", [callID])
                .scalar(Int64.self) else { return }
            let interviewID = try conn.execute("""
                SELECT id FROM interview WHERE contactId = $1 AND status = 'active' ORDER BY id DESC LIMIT 1
                """, [contactID]).scalar(Int64.self)
            let lastAnswer = try interviewID.flatMap {
                try conn.execute("SELECT max(answeredAt) FROM answer WHERE interviewId = $1", [$0]).scalar(Int64?.self) ?? nil
            }
            let endedAt = max(startedAt, lastAnswer ?? startedAt)
            try conn.execute("UPDATE call SET endedAt = $1, aapor = $2 WHERE id = $3", [endedAt, code, callID])
            if let interviewID {
                try conn.execute("UPDATE interview SET status = 'brokenOff', endedAt = $1, disposition = $2 WHERE id = $3",
                                 [endedAt, code, interviewID])
            }
        }
    }

    /// Inserts a call row; returns its id.
    static func insertCall(_ conn: PGConnection, _ call: CallRecord) throws -> Int64 {
        let paradata = call.paradata
        let id = try conn.execute("""
            INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt, outcome, aapor, note, callbackAt,
                              dialledAt, ringSeconds, talkSeconds, sipStatus, sipReason, codedBy)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            RETURNING id
            """, [call.contactId, call.campaignId, call.agent, call.startedAt, call.endedAt, call.outcome?.rawValue,
                  call.aapor, call.note, call.callbackAt, paradata?.dialledAt, paradata?.ringSeconds,
                  paradata?.talkSeconds, paradata?.sipStatus, paradata?.sipReason, paradata?.codedBy?.rawValue])
            .scalar(Int64.self)
        return id!
    }

    /// Inserts an agent's note.
    static func insertNote(_ conn: PGConnection, contactID: Int64, interviewID: Int64?, agent: String, text: String,
                           now: Int64) throws {
        try conn.execute("""
            INSERT INTO note (contactId, interviewId, agent, createdAt, text) VALUES ($1, $2, $3, $4, $5)
            """, [contactID, interviewID, agent, now, text])
    }

    /// Writes where the contact is in its life (what `Contact.apply` and a call change).
    static func updateSchedule(_ conn: PGConnection, _ contact: Contact) throws {
        try conn.execute("""
            UPDATE contact SET status = $1, disposition = $2, attempts = $3, nextCallAt = $4, leaseAgent = $5,
                               leaseUntil = $6, appointmentAgent = $7, appointmentNote = $8
            WHERE id = $9
            """, [contact.status.rawValue, contact.disposition, contact.attempts, contact.nextCallAt, contact.leaseAgent,
                  contact.leaseUntil, contact.appointmentAgent, contact.appointmentNote, contact.id])
    }

    /// A contact's calls that have an outcome, oldest first, as the next-step planner reads them.
    static func plannedCalls(_ conn: PGConnection, contactID: Int64) throws -> [NextStep.Call] {
        try calls(conn, contactID: contactID).compactMap { call in
            call.outcome.map { NextStep.Call(outcome: $0, startedAt: call.startedAt) }
        }
    }

    /// The disposition of the contact's latest broken-off interview, if it has one.
    static func brokenOffDisposition(_ conn: PGConnection, contactID: Int64) throws -> String? {
        try conn.execute("""
            SELECT disposition FROM interview WHERE contactId = $1 AND status = 'brokenOff' ORDER BY id DESC LIMIT 1
            """, [contactID]).scalar(String?.self) ?? nil
    }

    /// Adds a number to the do-not-call list (no-op when it is there already), with an audit line.
    /// Returns whether it was added.
    @discardableResult
    static func addDoNotCall(_ conn: PGConnection, phone: String, actor: String, source: String, note: String?,
                             now: Int64) throws -> Bool {
        let added = try conn.execute("""
            INSERT INTO doNotCall (phone, addedAt, addedBy, source, note) VALUES ($1, $2::bigint, $3, $4, $5)
            ON CONFLICT (phone) DO NOTHING
            """, [phone, now, actor, source, note]).affectedRows
        guard added == 1 else { return false }
        try audit(conn, actor: actor, action: "dnc-add", entity: "phone", entityId: phone, detail: source, at: now)
        return true
    }
}
