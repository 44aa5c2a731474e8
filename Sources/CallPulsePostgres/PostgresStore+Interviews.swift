import CallPulseDomain
import CallPulseStore
import Foundation

/// `InterviewStore` on PostgreSQL: SQLite's `AppDatabase+Interviews`, each write in one
/// transaction that first locks the contact and checks the holder's lease (`requireLease`), so
/// the answers of one interview are written one at a time, in the order they commit.
extension PostgresStore: InterviewStore {
    /// Starts an interview on an answered call, or resumes the contact's broken-off one. The call
    /// is a new call row and counts as one attempt. Returns the interview and the call's id.
    public func startInterview(contactID: Int64, holder: LeaseHolder, language: String, callStartedAt: Int64,
                               now: Int64) throws -> (interview: InterviewRecord, callID: Int64) {
        let agent = holder.agent
        return try write { conn in
            let contact = try Self.requireLease(conn, contactID: contactID, holder: holder)
            // Sent again after a commit whose outcome was lost (`requireLease(_:contactID:holder:unlessDone:)`):
            // the call it opened is there, still open; it is taken up rather than counted twice.
            let opened = try conn.execute("""
                SELECT id FROM call WHERE contactId = $1 AND agent = $2 AND startedAt = $3 AND outcome = 'answered'
                  AND endedAt IS NULL
                ORDER BY id DESC LIMIT 1
                """, [contactID, agent, callStartedAt]).scalar(Int64.self)
            let callID: Int64
            if let opened {
                callID = opened
            } else {
                callID = try Self.insertCall(conn, CallRecord(contactId: contactID, campaignId: contact.campaignId,
                                                              agent: agent, startedAt: callStartedAt, endedAt: nil,
                                                              outcome: .answered, aapor: nil))
                try conn.execute("UPDATE contact SET attempts = attempts + 1, appointmentAgent = NULL WHERE id = $1",
                                 [contactID])
            }
            var interview = try conn.execute("""
                SELECT * FROM interview WHERE contactId = $1 AND status <> 'complete' ORDER BY id DESC LIMIT 1
                """, [contactID]).first.map(InterviewRecord.init(pgRow:))
                ?? InterviewRecord(contactId: contactID, campaignId: contact.campaignId, agent: agent, language: language,
                                   status: .active, startedAt: now)
            interview.status = .active
            interview.agent = agent
            interview.language = language
            if let id = interview.id {
                try conn.execute("UPDATE interview SET status = 'active', agent = $1, language = $2 WHERE id = $3",
                                 [agent, language, id])
            } else {
                interview.id = try conn.execute("""
                    INSERT INTO interview (contactId, campaignId, agent, language, status, startedAt)
                    VALUES ($1, $2, $3, $4, 'active', $5) RETURNING id
                    """, [contactID, contact.campaignId, agent, language, now]).scalar(Int64.self)
            }
            return (interview, callID)
        }
    }

    /// Saves one answer at once, durably, and brings the interview's follow-ups in line with the
    /// answers (`FollowUpChanges`). A changed answer keeps its earlier value in the audit trail.
    /// Only while `holder` holds the contact's lease; the lease is renewed to `leaseUntil`.
    @discardableResult
    public func saveAnswer(interviewID: Int64, contactID: Int64, questionID: String, answer: RecordedAnswer,
                           holder: LeaseHolder, alerts: [FiredAlert], leaseUntil: Int64, now: Int64) throws -> FollowUpChanges {
        let agent = holder.agent
        let value = try answer.value.map(AnswerCodec.encode)
        let number: Double? = if case let .number(number)? = answer.value { number } else { nil }
        return try write { conn in
            try Self.requireLease(conn, contactID: contactID, holder: holder)
            let previous = try conn.execute("SELECT * FROM answer WHERE interviewId = $1 AND questionId = $2",
                                            [interviewID, questionID]).first.map(AnswerRecord.init(pgRow:))
            if let previous, previous.value != value || previous.special != answer.special {
                let before = previous.value ?? previous.special?.rawValue ?? "–"
                let after = value ?? answer.special?.rawValue ?? "–"
                try Self.audit(conn, actor: agent, action: "change-answer", entity: "interview", entityId: String(interviewID),
                               detail: "\(questionID): \(before) → \(after)", at: now)
            }
            if let id = previous?.id {
                try conn.execute("""
                    UPDATE answer SET value = $1, number = $2, special = $3, agent = $4, answeredAt = $5 WHERE id = $6
                    """, [value, number, answer.special?.rawValue, agent, now, id])
            } else {
                try conn.execute("""
                    INSERT INTO answer (interviewId, questionId, value, number, special, agent, answeredAt)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, [interviewID, questionID, value, number, answer.special?.rawValue, agent, now])
            }
            try conn.execute("UPDATE contact SET leaseUntil = $1 WHERE id = $2", [leaseUntil, contactID])
            return try Self.syncFollowUps(conn, interviewID: interviewID, contactID: contactID, alerts: alerts,
                                          agent: agent, now: now)
        }
    }

    /// Ends an interview as complete (AAPOR 1.1) and finishes the case.
    public func completeInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder,
                                  now: Int64) throws {
        try write { conn in
            guard try !Self.requireLease(conn, contactID: contactID, holder: holder, unlessDone: {
                try Self.ended(conn, callID: callID, interviewID: interviewID, agent: holder.agent, status: .complete,
                               code: "1.1")
            }) else { return }
            try Self.finish(conn, interviewID: interviewID, callID: callID, contactID: contactID, status: .complete,
                            disposition: "1.1", now: now)
            try Self.countInQuotas(conn, interviewID: interviewID)
        }
    }

    /// Ends an interview and its case with a final disposition other than a complete (a refusal,
    /// a break-off or partial, a screen-out); the interview keeps its answers as broken off.
    public func endInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder, disposition: String,
                             now: Int64) throws {
        try write { conn in
            guard try !Self.requireLease(conn, contactID: contactID, holder: holder, unlessDone: {
                try Self.ended(conn, callID: callID, interviewID: interviewID, agent: holder.agent, status: .brokenOff,
                               code: disposition)
            }) else { return }
            try Self.finish(conn, interviewID: interviewID, callID: callID, contactID: contactID, status: .brokenOff,
                            disposition: disposition, now: now)
        }
    }

    /// Breaks an interview off so it can be resumed: at the agreed call-back time, or by the
    /// campaign's retry rules; when attempts ran out the case ends as a partial (1.2, at least
    /// half answered) or a break-off (2.12) (`CaseDisposition.stopped`, `NextStep.plan`).
    public func breakOffInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder,
                                  callbackAt: Int64?, answeredShare: Double, disposition: String?, now: Int64) throws {
        let code = disposition ?? CaseDisposition.stopped(answeredShare: answeredShare)
        try write { conn in
            guard try !Self.requireLease(conn, contactID: contactID, holder: holder, unlessDone: {
                try Self.ended(conn, callID: callID, interviewID: interviewID, agent: holder.agent, status: .brokenOff,
                               code: code)
            }) else { return }
            try conn.execute("UPDATE interview SET status = 'brokenOff', endedAt = $1, disposition = $2 WHERE id = $3",
                             [now, code, interviewID])
            try conn.execute("UPDATE call SET endedAt = $1, aapor = $2, callbackAt = $3 WHERE id = $4",
                             [now, code, callbackAt, callID])
            let contact = try Self.contact(conn, id: contactID)
            try Self.updateSchedule(conn, try contact.afterBreakOff(
                callbackAt: callbackAt, answeredShare: answeredShare, agent: holder.agent,
                campaign: try Self.campaignRules(conn, id: contact.campaignId),
                calls: try Self.plannedCalls(conn, contactID: contactID),
                brokenOffInterview: try Self.brokenOffDisposition(conn, contactID: contactID), now: now))
        }
    }

    /// Whether the holder's call `callID` already ended with `code` and its interview with
    /// `status`: the trace of an ending sent again after a commit whose outcome was lost
    /// (`requireLease(_:contactID:holder:unlessDone:)`). A call another console closed as
    /// interrupted has another code.
    private static func ended(_ conn: PGConnection, callID: Int64, interviewID: Int64, agent: String,
                              status: InterviewRecord.Status, code: String) throws -> Bool {
        try conn.execute("""
            SELECT 1 FROM call c JOIN interview i ON i.id = $2
            WHERE c.id = $1 AND c.agent = $3 AND c.endedAt IS NOT NULL AND c.aapor = $4 AND i.status = $5
            """, [callID, interviewID, agent, code, status.rawValue]).first != nil
    }

    /// Ends the interview with `status` and the call and the case with `disposition`.
    private static func finish(_ conn: PGConnection, interviewID: Int64, callID: Int64, contactID: Int64,
                               status: InterviewRecord.Status, disposition: String, now: Int64) throws {
        try conn.execute("UPDATE interview SET status = $1, endedAt = $2, disposition = $3 WHERE id = $4",
                         [status.rawValue, now, disposition, interviewID])
        try conn.execute("UPDATE call SET endedAt = $1, aapor = $2 WHERE id = $3", [now, disposition, callID])
        try conn.execute("""
            UPDATE contact SET status = 'done', disposition = $1, nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL,
                               appointmentAgent = NULL
            WHERE id = $2
            """, [disposition, contactID])
    }
}
