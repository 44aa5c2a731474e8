import CallPulseDomain
import CallPulseStore
import Foundation

/// `FollowUpStore` on PostgreSQL, and the follow-ups an answer's alerts open and close
/// (SQLite's `AppDatabase+FollowUps` and `syncFollowUps`).
extension PostgresStore: FollowUpStore {
    /// The follow-ups of one campaign (or all), open ones first by due time, each with its
    /// contact and its interview's answers, read in one snapshot.
    public func followUps(campaignID: String?, openOnly: Bool) throws -> [FollowUpDetail] {
        try read { conn in
            let filter = "($1::text IS NULL OR f.campaignId = $1) AND (NOT $2::boolean OR f.resolvedAt IS NULL)"
            let arguments: [(any PGParameter)?] = [campaignID, openOnly]
            let followUps = try conn.execute("""
                SELECT f.* FROM followup f WHERE \(filter)
                ORDER BY f.resolvedAt IS NOT NULL, f.dueAt NULLS FIRST, f.id
                """, arguments).records(FollowUp.init(pgRow:))
            let contacts = try conn.execute("""
                SELECT c.* FROM contact c WHERE c.id IN (SELECT f.contactId FROM followup f WHERE \(filter))
                """, arguments).records(Contact.init(pgRow:))
            let contactsByID = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id!, $0) })
            let answers = try conn.execute("""
                SELECT a.* FROM answer a WHERE a.interviewId IN (SELECT f.interviewId FROM followup f WHERE \(filter))
                ORDER BY a.id
                """, arguments).records(AnswerRecord.init(pgRow:))
            let answersByInterview = Dictionary(grouping: answers, by: \.interviewId)
            return followUps.compactMap { followUp in
                guard let contact = contactsByID[followUp.contactId] else { return nil }
                let answers = followUp.interviewId.flatMap { answersByInterview[$0] } ?? []
                return FollowUpDetail(followUp: followUp, contact: contact,
                                      answers: Dictionary(answers.map { ($0.questionId, $0) }) { first, _ in first })
            }
        }
    }

    /// Closes a follow-up: who resolved it, when and how, with an audit line. The row is locked
    /// first, so of two supervisors resolving it at once the second is told who did.
    @discardableResult
    public func resolveFollowUp(id: Int64, by actor: String, note: String, now: Int64) throws -> FollowUp {
        guard !note.allSatisfy(\.isWhitespace) else { throw FollowUpError.emptyNote(id) }
        return try write { conn in
            guard var followUp = try conn.execute("SELECT * FROM followup WHERE id = $1 FOR UPDATE", [id]).first
                .map(FollowUp.init(pgRow:))
            else { throw FollowUpError.notFound(id) }
            if let resolvedAt = followUp.resolvedAt {
                let zone = TimeZone(identifier: try Self.campaignRules(conn, id: followUp.campaignId).timeZone) ?? .current
                throw FollowUpError.alreadyResolved(id: id, by: followUp.resolvedBy ?? "?",
                                                    at: TimeFormat.dateTime(resolvedAt, timeZone: zone))
            }
            followUp.resolvedAt = now
            followUp.resolvedBy = actor
            followUp.resolutionNote = note
            try Self.updateResolution(conn, followUp)
            try Self.audit(conn, actor: actor, action: "resolve", entity: "followup", entityId: String(id), detail: note,
                           at: now)
            return followUp
        }
    }

    /// Opens a follow-up for each alert that fires (recorded closed when the customer did not
    /// consent), closes the open ones whose alert no longer fires, and reopens one CallPulse
    /// closed when its alert fires again with consent. The caller holds the contact's lock.
    static func syncFollowUps(_ conn: PGConnection, interviewID: Int64, contactID: Int64, alerts: [FiredAlert],
                              agent: String, now: Int64) throws -> FollowUpChanges {
        let existing = try conn.execute("SELECT * FROM followup WHERE interviewId = $1 ORDER BY id", [interviewID])
            .records(FollowUp.init(pgRow:))
        guard !alerts.isEmpty || existing.contains(where: { $0.resolvedAt == nil }) else { return FollowUpChanges() }
        var changes = FollowUpChanges()
        for step in FollowUpSync.steps(existing: existing, alerts: alerts) {
            switch step {
            case let .open(alert):
                changes.add(try openFollowUp(conn, interviewID: interviewID, contactID: contactID, alert: alert,
                                             agent: agent, now: now))
            case .close(var followUp, let note):
                try close(conn, &followUp, note: note, agent: agent, now: now)
                changes.closed.append(followUp)
            case var .reopen(followUp):
                followUp.resolvedAt = nil
                followUp.resolvedBy = nil
                followUp.resolutionNote = nil
                try updateResolution(conn, followUp)
                try audit(conn, actor: agent, action: "reopen", entity: "followup", entityId: String(followUp.id!),
                          detail: FollowUpStep.reopenDetail, at: now)
                changes.opened.append(followUp)
            }
        }
        return changes
    }

    /// Inserts the follow-up of an alert, due in one working day; closed at once without consent.
    private static func openFollowUp(_ conn: PGConnection, interviewID: Int64, contactID: Int64, alert: FiredAlert,
                                     agent: String, now: Int64) throws -> FollowUp {
        let contact = try contact(conn, id: contactID)
        let campaign = try campaignRules(conn, id: contact.campaignId)
        var followUp = FollowUp(alert: alert, campaign: campaign, contactID: contactID, interviewID: interviewID,
                                agent: agent, now: now)
        followUp.id = try conn.execute("""
            INSERT INTO followup (campaignId, contactId, interviewId, alertIndex, reason, createdAt, dueAt, resolvedAt,
                                  resolvedBy, resolutionNote)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, [followUp.campaignId, followUp.contactId, followUp.interviewId, followUp.alertIndex, followUp.reason,
                  followUp.createdAt, followUp.dueAt, followUp.resolvedAt, followUp.resolvedBy, followUp.resolutionNote])
            .scalar(Int64.self)
        if alert.withoutConsent {
            try audit(conn, actor: agent, action: "resolve", entity: "followup", entityId: String(followUp.id!),
                      detail: FollowUpChanges.Note.noConsent, at: now)
        }
        return followUp
    }

    /// Closes a follow-up for a reason of the answers, with an audit line.
    private static func close(_ conn: PGConnection, _ followUp: inout FollowUp, note: String, agent: String,
                              now: Int64) throws {
        followUp.resolvedAt = now
        followUp.resolvedBy = agent
        followUp.resolutionNote = note
        try updateResolution(conn, followUp)
        try audit(conn, actor: agent, action: "resolve", entity: "followup", entityId: String(followUp.id!), detail: note,
                  at: now)
    }

    /// Writes a follow-up's resolution (who, when, how; all NULL when reopened).
    private static func updateResolution(_ conn: PGConnection, _ followUp: FollowUp) throws {
        try conn.execute("UPDATE followup SET resolvedAt = $1, resolvedBy = $2, resolutionNote = $3 WHERE id = $4",
                         [followUp.resolvedAt, followUp.resolvedBy, followUp.resolutionNote, followUp.id])
    }
}
