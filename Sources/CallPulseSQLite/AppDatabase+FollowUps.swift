import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// The follow-ups of one campaign (or all), open ones first by due time, each with its
    /// contact and its interview's answers.
    public func followUps(campaignID: String?, openOnly: Bool) throws -> [FollowUpDetail] {
        try read { db in
            var filter: SQL = "1"
            if let campaignID { filter = "\(filter) AND f.campaignId = \(campaignID)" }
            if openOnly { filter = "\(filter) AND f.resolvedAt IS NULL" }
            let followUps = try SQLRequest<FollowUp>("""
                SELECT f.* FROM followup f WHERE \(filter)
                ORDER BY f.resolvedAt IS NOT NULL, f.dueAt, f.id
                """).fetchAll(db)
            let contacts = try Contact.fetchAll(db, keys: Set(followUps.map(\.contactId)))
            let contactsByID = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id!, $0) })
            let answers = try SQLRequest<AnswerRecord>("""
                SELECT a.* FROM answer a WHERE a.interviewId IN (SELECT f.interviewId FROM followup f WHERE \(filter))
                """).fetchAll(db)
            let answersByInterview = Dictionary(grouping: answers, by: \.interviewId)
            return followUps.compactMap { followUp in
                guard let contact = contactsByID[followUp.contactId] else { return nil }
                let answers = followUp.interviewId.flatMap { answersByInterview[$0] } ?? []
                return FollowUpDetail(followUp: followUp, contact: contact,
                                      answers: Dictionary(answers.map { ($0.questionId, $0) }) { first, _ in first })
            }
        }
    }

    /// Closes a follow-up: who resolved it, when and how, with an audit line. Throws
    /// `FollowUpError.notFound` or `.alreadyResolved` (naming who resolved it and when).
    @discardableResult
    public func resolveFollowUp(id: Int64, by actor: String, note: String, now: Int64) throws -> FollowUp {
        guard !note.allSatisfy(\.isWhitespace) else { throw FollowUpError.emptyNote(id) }
        return try write { db in
            guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw FollowUpError.notFound(id) }
            if let resolvedAt = followUp.resolvedAt {
                let zone = TimeZone(identifier: try Self.campaign(db, id: followUp.campaignId).timeZone) ?? .current
                throw FollowUpError.alreadyResolved(id: id, by: followUp.resolvedBy ?? "?",
                                                    at: TimeFormat.dateTime(resolvedAt, timeZone: zone))
            }
            followUp.resolvedAt = now
            followUp.resolvedBy = actor
            followUp.resolutionNote = note
            try followUp.update(db)
            try Self.audit(db, actor: actor, action: "resolve", entity: "followup", entityId: String(id),
                           detail: note, at: now)
            return followUp
        }
    }
}
