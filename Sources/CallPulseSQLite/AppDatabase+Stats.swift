import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// Reads everything a stats snapshot needs for one campaign in one read transaction (a consistent
    /// snapshot that never blocks the agents' writes in WAL mode).
    ///
    /// Everything but the `--by` breakdown is read from the tallies the "v2-stats-tallies" triggers
    /// keep and from small index ranges, so the cost does not grow with the campaign's size; the
    /// breakdown joins complete interviews, their answers and contacts.
    public func statsTallies(campaignID: String, request: StatsRequest) throws -> StatsTallies {
        try read { db in try Self.statsTallies(db, campaignID: campaignID, request: request) }
    }

    /// The tallies of `statsTallies(campaignID:request:)` read in a transaction the caller holds, so
    /// other figures (the client report's) can be read from the same snapshot.
    static func statsTallies(_ db: Database, campaignID: String, request: StatsRequest) throws -> StatsTallies {
        var tallies = StatsTallies()
        for row in try Row.fetchAll(db, sql: """
            SELECT leaseAgent, count(*) FROM contact
            WHERE campaignId = ? AND leaseUntil IS NOT NULL AND leaseUntil > ? GROUP BY leaseAgent
            """, arguments: [campaignID, request.now]) {
            tallies.leasedBy[row[0] ?? "?"] = row[1]
        }
        tallies.appointmentsDueToday = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM contact INDEXED BY contact_appointment
            WHERE campaignId = ? AND appointmentAgent IS NOT NULL AND nextCallAt >= ? AND nextCallAt < ?
              AND status = 'scheduled'
            """, arguments: [campaignID, request.today.lowerBound, request.today.upperBound]) ?? 0
        if let since = request.since {
            try readCounts(db, campaignID: campaignID, request: request, since: since, into: &tallies)
        } else {
            try readTallies(db, campaignID: campaignID, request: request, into: &tallies)
        }
        if let field = request.breakdownField {
            tallies.groups = try breakdown(db, campaignID: campaignID, field: field, questions: request.scaleQuestions,
                                           since: request.since)
        }
        return tallies
    }

    /// Contacts, follow-ups, agents, completes and scores from the tallies the triggers keep.
    private static func readTallies(_ db: Database, campaignID: String, request: StatsRequest,
                                    into tallies: inout StatsTallies) throws {
        tallies.contacts = try Row.fetchAll(db, sql: """
            SELECT status, code, attempted, n FROM contactTally WHERE campaignId = ? AND n <> 0
            """, arguments: [campaignID]).map {
            StatsTallies.ContactGroup(status: $0[0], code: $0[1], attempted: $0[2], count: $0[3])
        }
        // Open follow-ups per hour due, plus an exact count for the hour now running.
        let hourStart = request.now / 3600 * 3600
        let followUps = try Row.fetchOne(db, sql: """
            SELECT COALESCE(sum(open), 0), COALESCE(sum(open) FILTER (WHERE dueHour >= 0 AND dueHour < ?), 0)
            FROM followupTally WHERE campaignId = ?
            """, arguments: [request.now / 3600, campaignID])
        let dueThisHour = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM followup INDEXED BY followup_due
            WHERE campaignId = ? AND resolvedAt IS NULL AND dueAt >= ? AND dueAt < ?
            """, arguments: [campaignID, hourStart, request.now]) ?? 0
        tallies.followUpsOpen = followUps?[0] ?? 0
        tallies.followUpsOverdue = (followUps?[1] ?? 0) + dueThisHour
        tallies.agents = try agentWork(db, campaignID: campaignID, npsQuestion: request.npsQuestion)
        try addLineWork(db, campaignID: campaignID, since: nil, to: &tallies.agents)
        for row in try Row.fetchAll(db, sql: """
            SELECT hour, sum(completes) FROM interviewTally WHERE campaignId = ? AND hour >= ? GROUP BY hour
            """, arguments: [campaignID, min(request.today.lowerBound, request.now - 12 * 3600) / 3600]) {
            tallies.completesByHour[row[0]] = row[1]
        }
        tallies.answers = try answerCounts(db, campaignID: campaignID, questions: request.scaleQuestions)
        for row in try Row.fetchAll(db, sql: """
            SELECT questionId, value, n FROM choiceTally
            WHERE campaignId = ? AND questionId IN (SELECT value FROM json_each(?)) AND n <> 0
            """, arguments: [campaignID, Self.jsonArray(request.choiceQuestions)]) {
            tallies.choices[row[0], default: [:]][row[1]] = row[2]
        }
        if let nps = request.npsQuestion {
            tallies.npsByDay = try Row.fetchAll(db, sql: """
                SELECT day, value, n FROM scoreTally WHERE campaignId = ? AND questionId = ? AND n <> 0 ORDER BY day, value
                """, arguments: [campaignID, nps]).reduce(into: []) { days, row in
                let day: String = row[0]
                if days.last?.day != day { days.append(.init(day: day, distribution: [:])) }
                days[days.count - 1].distribution[row[1]] = row[2]
            }
        }
    }

    /// Calls, active hours, time logged in, completes, interview seconds and the NPS sum of each agent.
    private static func agentWork(_ db: Database, campaignID: String, npsQuestion: String?) throws -> [StatsTallies.AgentWork] {
        var agents: [String: StatsTallies.AgentWork] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, sum(calls), count(*) FILTER (WHERE calls > 0) FROM callTally WHERE campaignId = ? GROUP BY agent
            """, arguments: [campaignID]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].calls = row[1]
            agents[agent, default: .init(agent: agent)].activeHours = row[2]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, sum(endedAt - startedAt) FROM agentSession WHERE campaignId = ? GROUP BY agent
            """, arguments: [campaignID]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].loggedInSeconds = row[1]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, sum(completes), sum(seconds) FROM interviewTally WHERE campaignId = ? GROUP BY agent
            """, arguments: [campaignID]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].completes = row[1]
            agents[agent, default: .init(agent: agent)].interviewSeconds = row[2]
        }
        if let npsQuestion {
            for row in try Row.fetchAll(db, sql: """
                SELECT agent, total, n FROM agentScoreTally WHERE campaignId = ? AND questionId = ?
                """, arguments: [campaignID, npsQuestion]) {
                let agent: String = row[0]
                agents[agent, default: .init(agent: agent)].npsSum = row[1]
                agents[agent, default: .init(agent: agent)].npsCount = row[2]
            }
        }
        return agents.values.filter { $0.calls > 0 || $0.completes > 0 }.sorted { $0.agent < $1.agent }
    }

    /// value → count of the answers of complete interviews, per question.
    private static func answerCounts(_ db: Database, campaignID: String, questions: [String]) throws -> [String: [Double: Int]] {
        var answers: [String: [Double: Int]] = [:]
        for question in questions {
            for row in try Row.fetchAll(db, sql: """
                SELECT value, sum(n) FROM scoreTally WHERE campaignId = ? AND questionId = ? GROUP BY value HAVING sum(n) <> 0
                """, arguments: [campaignID, question]) {
                answers[question, default: [:]][row[0]] = row[1]
            }
        }
        return answers
    }

    /// Scores of complete interviews grouped by a contact field (missing or empty → "").
    private static func breakdown(_ db: Database, campaignID: String, field: String, questions: [String],
                                  since: Int64?) throws -> [StatsTallies.GroupScores] {
        // Without `since` every complete interview counts, ended or not (as before `since` existed).
        let from = since ?? Int64.min
        let path = "$.\"" + field.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var groups: [String: StatsTallies.GroupScores] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(COALESCE(json_extract(c.fields, ?), '') AS TEXT) AS grp, count(*)
            FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE i.campaignId = ? AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= ? GROUP BY grp
            """, arguments: [path, campaignID, from]) {
            let value: String = row[0]
            groups[value] = .init(value: value, interviews: row[1], answers: [:])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(COALESCE(json_extract(c.fields, ?), '') AS TEXT) AS grp, a.questionId, a.number, count(*)
            FROM interview i JOIN contact c ON c.id = i.contactId JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = ? AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= ? AND a.number IS NOT NULL
              AND a.questionId IN (SELECT value FROM json_each(?))
            GROUP BY 1, 2, 3
            """, arguments: [path, campaignID, from, Self.jsonArray(questions)]) {
            let value: String = row[0]
            groups[value, default: .init(value: value, interviews: 0, answers: [:])].answers[row[1], default: [:]][row[2]] = row[3]
        }
        return groups.values.sorted { $0.value < $1.value }
    }

    /// The keys of a campaign's contact fields: the campaign's declared fields and those of its first contact.
    public func contactFieldNames(campaign: Campaign) throws -> [String] {
        let sample = try read { db in
            try String.fetchOne(db, sql: "SELECT fields FROM contact WHERE campaignId = ? LIMIT 1", arguments: [campaign.id])
        }
        let keys = sample.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?.keys
        return Set(campaign.fields).union(keys ?? [:].keys).sorted()
    }

    static func jsonArray(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
