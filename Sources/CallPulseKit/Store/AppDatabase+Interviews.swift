import Foundation
import GRDB

/// An alert of the script that fired on the answers so far, to become a follow-up.
public struct FiredAlert: Sendable, Hashable {
    /// The alert's position in the script (one follow-up per alert per interview).
    public var index: Int
    public var reason: String

    public init(index: Int, reason: String) {
        self.index = index
        self.reason = reason
    }
}

extension AppDatabase {
    /// Starts an interview on an answered call, or resumes the contact's broken-off one.
    /// Records the call as an attempt. Returns the interview and the call's id.
    public func startInterview(contactID: Int64, agent: String, language: String, callStartedAt: Int64,
                               now: Int64) throws -> (interview: InterviewRecord, callID: Int64) {
        try write { db in
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

    /// Saves one answer at once, durably, and creates the follow-ups of alerts that fire on it.
    /// A changed answer keeps its earlier value in the audit trail. The agent's lease is renewed.
    /// Returns the follow-ups this answer created.
    @discardableResult
    public func saveAnswer(interviewID: Int64, contactID: Int64, questionID: String, answer: RecordedAnswer,
                           agent: String, alerts: [FiredAlert], leaseUntil: Int64, now: Int64) throws -> [FollowUp] {
        try write { db in
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
            try db.execute(sql: """
                UPDATE contact SET leaseUntil = ?, leaseAgent = ?
                WHERE id = ? AND (leaseAgent = ? OR leaseUntil IS NULL OR leaseUntil <= ?)
                """, arguments: [leaseUntil, agent, contactID, agent, now])
            return try Self.createFollowUps(db, interviewID: interviewID, contactID: contactID, alerts: alerts, now: now)
        }
    }

    static func encodeAnswer(_ value: AnswerValue) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func createFollowUps(_ db: Database, interviewID: Int64, contactID: Int64, alerts: [FiredAlert],
                                        now: Int64) throws -> [FollowUp] {
        guard !alerts.isEmpty else { return [] }
        let contact = try contact(db, id: contactID)
        let campaign = try campaignRules(db, id: contact.campaignId)
        let zone = TimeZone(identifier: campaign.timeZone) ?? .current
        var created: [FollowUp] = []
        for alert in alerts {
            var followUp = FollowUp(campaignId: campaign.id, contactId: contactID, interviewId: interviewID,
                                    alertIndex: alert.index, reason: alert.reason, createdAt: now,
                                    dueAt: WorkingDays.add(1, to: now, timeZone: zone))
            try followUp.insert(db, onConflict: .ignore)
            if db.changesCount == 1 { created.append(followUp) }
        }
        return created
    }

    /// Ends an interview as complete (AAPOR 1.1) and finishes the case.
    public func completeInterview(interviewID: Int64, callID: Int64, contactID: Int64, now: Int64) throws {
        try write { db in
            try db.execute(sql: "UPDATE interview SET status = 'complete', endedAt = ?, disposition = '1.1' WHERE id = ?",
                           arguments: [now, interviewID])
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = '1.1' WHERE id = ?", arguments: [now, callID])
            try db.execute(sql: """
                UPDATE contact SET status = 'done', disposition = '1.1', nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL,
                                   appointmentAgent = NULL
                WHERE id = ?
                """, arguments: [contactID])
        }
    }

    /// Breaks an interview off so it can be resumed: at the agreed call-back time, or by the
    /// campaign's retry rules. When attempts ran out the case ends as a partial (1.2, at least half
    /// answered) or a break-off (2.12).
    public func breakOffInterview(interviewID: Int64, callID: Int64, contactID: Int64, agent: String,
                                  callbackAt: Int64?, answeredShare: Double, now: Int64) throws {
        try write { db in
            let code = answeredShare >= 0.5 ? "1.2" : "2.12"
            try db.execute(sql: "UPDATE interview SET status = 'brokenOff', endedAt = ?, disposition = ? WHERE id = ?",
                           arguments: [now, code, interviewID])
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = ?, callbackAt = ? WHERE id = ?",
                           arguments: [now, code, callbackAt, callID])
            var contact = try Self.contact(db, id: contactID)
            let campaign = try Self.campaignRules(db, id: contact.campaignId)
            contact.leaseAgent = nil
            contact.leaseUntil = nil
            if let callbackAt {
                contact.status = .scheduled
                contact.nextCallAt = callbackAt
                contact.appointmentAgent = agent
            } else {
                try Self.scheduleRetry(db, contact: &contact, campaign: campaign, outcome: .answered, now: now,
                                       interviewShare: answeredShare)
            }
            try contact.update(db)
        }
    }
}

/// Adds working days (Monday to Friday) to an instant, keeping the time of day.
enum WorkingDays {
    static func add(_ days: Int, to time: Int64, timeZone: TimeZone) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var date = Date(timeIntervalSince1970: TimeInterval(time))
        var remaining = days
        while remaining > 0 {
            date = calendar.date(byAdding: .day, value: 1, to: date) ?? date.addingTimeInterval(86_400)
            if !calendar.isDateInWeekend(date) { remaining -= 1 }
        }
        return Int64(date.timeIntervalSince1970)
    }
}
