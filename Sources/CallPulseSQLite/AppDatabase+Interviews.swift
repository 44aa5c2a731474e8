import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// Starts an interview on an answered call, or resumes the contact's broken-off one, while
    /// `holder` holds the contact's lease (`StoreError.leaseLost` if not). Returns the interview
    /// and the call's id.
    ///
    /// The call is a new call row and counts as one attempt, also when it resumes an interview a
    /// console that stopped left open: that console's call row was closed with its own code when
    /// the contact was taken back (`closeInterruptedCall`), so attempts stay equal to the call rows
    /// (the retry rules, the calls export and AAPOR count calls made).
    public func startInterview(contactID: Int64, holder: LeaseHolder, language: String, callStartedAt: Int64,
                               now: Int64) throws -> (interview: InterviewRecord, callID: Int64) {
        let agent = holder.agent
        return try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            var contact = try Self.contact(db, id: contactID)
            var call = CallRecord(contactId: contactID, campaignId: contact.campaignId, agent: agent,
                                  startedAt: callStartedAt, endedAt: nil, outcome: .answered, aapor: nil)
            try call.insert(db)
            contact.attempts += 1
            contact.appointmentAgent = nil
            try contact.update(db)
            var interview = try InterviewRecord
                .filter(Column("contactId") == contactID && Column("status") != InterviewRecord.Status.complete.rawValue)
                .order(Column("id").desc).fetchOne(db)
                ?? InterviewRecord(contactId: contactID, campaignId: contact.campaignId, agent: agent, language: language,
                                   status: .active, startedAt: now)
            interview.status = .active
            interview.agent = agent
            interview.language = language
            try interview.save(db)
            return (interview, call.id!)
        }
    }

    /// Saves one answer at once, durably, and brings the interview's follow-ups in line with the
    /// answers (`FollowUpChanges`): `alerts` are every alert that fires now. A changed answer keeps
    /// its earlier value in the audit trail. Only while `holder` holds the contact's lease
    /// (`StoreError.leaseLost` if not: nothing is written); the lease is renewed to `leaseUntil`.
    @discardableResult
    public func saveAnswer(interviewID: Int64, contactID: Int64, questionID: String, answer: RecordedAnswer,
                           holder: LeaseHolder, alerts: [FiredAlert], leaseUntil: Int64, now: Int64) throws -> FollowUpChanges {
        let agent = holder.agent
        return try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            let previous = try AnswerRecord
                .filter(Column("interviewId") == interviewID && Column("questionId") == questionID).fetchOne(db)
            var record = previous ?? AnswerRecord(interviewId: interviewID, questionId: questionID, agent: agent, answeredAt: now)
            record.value = try answer.value.map(Self.encodeAnswer)
            record.number = if case let .number(number)? = answer.value { number } else { nil }
            record.special = answer.special
            record.agent = agent
            record.answeredAt = now
            if let previous, previous.value != record.value || previous.special != record.special {
                let before = previous.value ?? previous.special?.rawValue ?? "–"
                let after = record.value ?? record.special?.rawValue ?? "–"
                try Self.audit(db, actor: agent, action: "change-answer", entity: "interview", entityId: String(interviewID),
                               detail: "\(questionID): \(before) → \(after)", at: now)
            }
            try record.save(db)
            try db.execute(sql: "UPDATE contact SET leaseUntil = ? WHERE id = ?", arguments: [leaseUntil, contactID])
            return try Self.syncFollowUps(db, interviewID: interviewID, contactID: contactID, alerts: alerts,
                                          agent: agent, now: now)
        }
    }

    static func encodeAnswer(_ value: AnswerValue) throws -> String {
        try AnswerCodec.encode(value)
    }

    /// Opens a follow-up for each alert that fires (recorded closed when the customer did not
    /// consent), closes the open ones whose alert no longer fires, and reopens one CallPulse
    /// closed when its alert fires again with consent.
    private static func syncFollowUps(_ db: Database, interviewID: Int64, contactID: Int64, alerts: [FiredAlert],
                                      agent: String, now: Int64) throws -> FollowUpChanges {
        let existing = try FollowUp.filter(Column("interviewId") == interviewID).fetchAll(db)
        guard !alerts.isEmpty || existing.contains(where: { $0.resolvedAt == nil }) else { return FollowUpChanges() }
        var changes = FollowUpChanges()
        for step in FollowUpSync.steps(existing: existing, alerts: alerts) {
            switch step {
            case let .open(alert):
                changes.add(try openFollowUp(db, interviewID: interviewID, contactID: contactID, alert: alert,
                                             agent: agent, now: now))
            case .close(var followUp, let note):
                try close(db, &followUp, note: note, agent: agent, now: now)
                changes.closed.append(followUp)
            case var .reopen(followUp):
                followUp.resolvedAt = nil
                followUp.resolvedBy = nil
                followUp.resolutionNote = nil
                try followUp.update(db)
                try audit(db, actor: agent, action: "reopen", entity: "followup", entityId: String(followUp.id!),
                          detail: FollowUpStep.reopenDetail, at: now)
                changes.opened.append(followUp)
            }
        }
        return changes
    }

    /// Inserts the follow-up of an alert, due in one working day; closed at once without consent.
    private static func openFollowUp(_ db: Database, interviewID: Int64, contactID: Int64, alert: FiredAlert,
                                     agent: String, now: Int64) throws -> FollowUp {
        let contact = try contact(db, id: contactID)
        let campaign = try campaignRules(db, id: contact.campaignId)
        var followUp = FollowUp(alert: alert, campaign: campaign, contactID: contactID, interviewID: interviewID,
                                agent: agent, now: now)
        try followUp.insert(db)
        if alert.withoutConsent {
            try audit(db, actor: agent, action: "resolve", entity: "followup", entityId: String(followUp.id!),
                      detail: FollowUpChanges.Note.noConsent, at: now)
        }
        return followUp
    }

    /// Closes a follow-up for a reason of the answers, with an audit line.
    private static func close(_ db: Database, _ followUp: inout FollowUp, note: String, agent: String, now: Int64) throws {
        followUp.resolvedAt = now
        followUp.resolvedBy = agent
        followUp.resolutionNote = note
        try followUp.update(db)
        try audit(db, actor: agent, action: "resolve", entity: "followup", entityId: String(followUp.id!), detail: note, at: now)
    }

    /// The disposition of the contact's latest broken-off interview, if it has one.
    static func brokenOffDisposition(_ db: Database, contactID: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT disposition FROM interview WHERE contactId = ? AND status = 'brokenOff' ORDER BY id DESC LIMIT 1
            """, arguments: [contactID])
    }

    /// Ends an interview as complete (AAPOR 1.1), counts it in its quota groups and finishes the
    /// case, while `holder` holds the contact's lease (`StoreError.leaseLost` if not).
    public func completeInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder,
                                  now: Int64) throws {
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            try db.execute(sql: "UPDATE interview SET status = 'complete', endedAt = ?, disposition = '1.1' WHERE id = ?",
                           arguments: [now, interviewID])
            try Self.countInQuotas(db, interviewID: interviewID)
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = '1.1' WHERE id = ?", arguments: [now, callID])
            try db.execute(sql: """
                UPDATE contact SET status = 'done', disposition = '1.1', nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL,
                                   appointmentAgent = NULL
                WHERE id = ?
                """, arguments: [contactID])
        }
    }

    /// Ends an interview and its case with a final disposition other than a complete: a refusal
    /// (2.11), a break-off (2.12) or partial (1.2) (declined, say, or a complete without the
    /// answers it needs), a screen-out (4.70) or a full quota group (4.80). The interview keeps its
    /// answers as broken off.
    /// Only while `holder` holds the contact's lease (`StoreError.leaseLost` if not).
    public func endInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder, disposition: String,
                             now: Int64) throws {
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            try db.execute(sql: "UPDATE interview SET status = 'brokenOff', endedAt = ?, disposition = ? WHERE id = ?",
                           arguments: [now, disposition, interviewID])
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = ? WHERE id = ?", arguments: [now, disposition, callID])
            try db.execute(sql: """
                UPDATE contact SET status = 'done', disposition = ?, nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL,
                                   appointmentAgent = NULL
                WHERE id = ?
                """, arguments: [disposition, contactID])
        }
    }

    /// Breaks an interview off so it can be resumed: at the agreed call-back time, or by the
    /// campaign's retry rules. When attempts ran out the case ends as a partial (1.2, at least half
    /// answered) or a break-off (2.12). Only while `holder` holds the contact's lease
    /// (`StoreError.leaseLost` if not).
    ///
    /// - Parameter disposition: the code of the interview and the call when it is not the
    ///   partial or break-off `answeredShare` gives, e.g. 2.21 for an appointment made before
    ///   any question was answered.
    public func breakOffInterview(interviewID: Int64, callID: Int64, contactID: Int64, holder: LeaseHolder,
                                  callbackAt: Int64?, answeredShare: Double, disposition: String? = nil, now: Int64) throws {
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            let code = disposition ?? CaseDisposition.stopped(answeredShare: answeredShare)
            try db.execute(sql: "UPDATE interview SET status = 'brokenOff', endedAt = ?, disposition = ? WHERE id = ?",
                           arguments: [now, code, interviewID])
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = ?, callbackAt = ? WHERE id = ?",
                           arguments: [now, code, callbackAt, callID])
            let contact = try Self.contact(db, id: contactID)
            try contact.afterBreakOff(callbackAt: callbackAt, answeredShare: answeredShare, agent: holder.agent,
                                      campaign: try Self.campaignRules(db, id: contact.campaignId),
                                      calls: try Self.plannedCalls(db, contactID: contactID),
                                      brokenOffInterview: try Self.brokenOffDisposition(db, contactID: contactID), now: now)
                .update(db)
        }
    }
}
