import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// The contact card's details: earlier calls, notes, and an interview to resume.
    static func details(_ db: Database, of contact: Contact, reason: ClaimedContact.Reason) throws -> ClaimedContact {
        let id = contact.id!
        let calls = try Self.calls(db, contactID: id)
        let notes = try NoteRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM note WHERE contactId = ? ORDER BY createdAt, id"), arguments: [id])
        let resumable = try InterviewRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM interview WHERE contactId = ? AND status != 'complete' ORDER BY id DESC LIMIT 1"),
            arguments: [id])
        let answers = try resumable.map {
            try AnswerRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM answer WHERE interviewId = ? ORDER BY id"),
                                      arguments: [$0.id!])
        } ?? []
        return ClaimedContact(contact: contact, reason: reason, calls: calls, notes: notes, resumable: resumable, answers: answers)
    }

    /// Records a call that did not become an interview and schedules what comes next: a retry
    /// by the campaign's rules, an appointment, or the end of the case with its AAPOR disposition.
    /// "Never call again" also puts the number on the do-not-call list for every campaign.
    /// Returns the contact as it is afterwards.
    ///
    /// The next step is worked out from a read snapshot first; the write transaction then checks
    /// that `holder` still holds the contact's lease (`StoreError.leaseLost` if not: nothing is
    /// written), so nobody else changed the contact since the snapshot, and only inserts and updates.
    @discardableResult
    public func recordCall(contactID: Int64, holder: LeaseHolder, startedAt: Int64, result: CallResult,
                           now: Int64) throws -> Contact {
        precondition(result.outcome != .answered, "an answered call starts an interview")
        let agent = holder.agent
        let plan = try read { db -> CallWrite in
            let contact = try Self.contact(db, id: contactID)
            return try contact.afterCall(result, startedAt: startedAt, agent: agent,
                                         campaign: try Self.campaignRules(db, id: contact.campaignId),
                                         calls: try Self.plannedCalls(db, contactID: contactID),
                                         brokenOffInterview: try Self.brokenOffDisposition(db, contactID: contactID), now: now)
        }
        let contact = plan.contact
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            var call = plan.call
            try call.insert(db)
            try db.cachedStatement(sql: """
                UPDATE contact SET status = ?, disposition = ?, attempts = attempts + 1, nextCallAt = ?, leaseAgent = NULL,
                                   leaseUntil = NULL, appointmentAgent = ?, appointmentNote = ?
                WHERE id = ?
                """).execute(arguments: [contact.status, contact.disposition, contact.nextCallAt, contact.appointmentAgent,
                                         contact.appointmentNote, contactID])
            if let source = plan.doNotCallSource {
                try Self.addDoNotCall(db, phone: contact.phone, actor: agent, source: source, note: result.note, now: now)
            }
            if var note = plan.note { try note.insert(db) }
        }
        return contact
    }

    /// A contact's calls that have an outcome, oldest first, as the next-step planner reads them.
    static func plannedCalls(_ db: Database, contactID: Int64) throws -> [NextStep.Call] {
        try calls(db, contactID: contactID).compactMap { call in
            call.outcome.map { NextStep.Call(outcome: $0, startedAt: call.startedAt) }
        }
    }

    static func contact(_ db: Database, id: Int64) throws -> Contact {
        guard let contact = try Contact.fetchOne(db.cachedStatement(sql: "SELECT * FROM contact WHERE id = ?"), arguments: [id])
        else { throw StoreError.contactNotFound(id) }
        return contact
    }

    /// A contact's calls, oldest first.
    static func calls(_ db: Database, contactID: Int64) throws -> [CallRecord] {
        try CallRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM call WHERE contactId = ? ORDER BY startedAt, id"),
                                arguments: [contactID])
    }

    /// Adds a number to the do-not-call list (no-op when it is there already), with an audit line.
    /// Returns whether it was added.
    @discardableResult
    static func addDoNotCall(_ db: Database, phone: String, actor: String, source: String, note: String?,
                             now: Int64) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO doNotCall (phone, addedAt, addedBy, source, note) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (phone) DO NOTHING
            """, arguments: [phone, now, actor, source, note])
        guard db.changesCount == 1 else { return false }
        try audit(db, actor: actor, action: "dnc-add", entity: "phone", entityId: phone, detail: source, at: now)
        return true
    }

    /// Adds a free-text note to a contact (and its interview, when one is running), while `holder`
    /// holds its lease (`StoreError.leaseLost` if not).
    public func addNote(contactID: Int64, interviewID: Int64?, holder: LeaseHolder, text: String, now: Int64) throws {
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            var note = NoteRecord(contactId: contactID, interviewId: interviewID, agent: holder.agent, createdAt: now, text: text)
            try note.insert(db)
        }
    }
}
