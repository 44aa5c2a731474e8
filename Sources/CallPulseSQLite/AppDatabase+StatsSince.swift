import CallPulseDomain
import CallPulseStore
import GRDB

/// Stats limited to a period (`StatsRequest.since`, the client report's `--since`): the same
/// figures as the tallies give, counted from the rows themselves, since the tallies keep no dates.
///
/// - Cases: the contacts with at least one call started at or after `since`, each counted by its
///   status and code as they are now (as `contactTally` counts them).
/// - Scores, choice frequencies, completes and their agents: complete interviews that ended at or after `since`.
/// - Calls per agent, and their time logged in: calls started at or after `since` (sessions made from
///   those calls, as `agentSessionSQL` defines them).
/// - Follow-ups: those created at or after `since` that are still open.
/// - Leases and today's appointments stay the campaign's (they are about now).
///
/// With `since` before the first call these equal the tallies (every attempted contact counts);
/// the stats tests check that.
extension AppDatabase {
    static func readCounts(_ db: Database, campaignID: String, request: StatsRequest, since: Int64,
                           into tallies: inout StatsTallies) throws {
        tallies.contacts = try Row.fetchAll(db, sql: """
            SELECT status, COALESCE(CASE WHEN status = 'done' THEN disposition END, lastCode, ''), attempts > 0, count(*)
            FROM contact c
            WHERE campaignId = ? AND EXISTS (SELECT 1 FROM call k WHERE k.contactId = c.id AND k.startedAt >= ?)
            GROUP BY 1, 2, 3
            """, arguments: [campaignID, since]).map {
            StatsTallies.ContactGroup(status: $0[0], code: $0[1], attempted: $0[2], count: $0[3])
        }
        let followUps = try Row.fetchOne(db, sql: """
            SELECT count(*), count(*) FILTER (WHERE dueAt < ?) FROM followup
            WHERE campaignId = ? AND resolvedAt IS NULL AND createdAt >= ?
            """, arguments: [request.now, campaignID, since])
        tallies.followUpsOpen = followUps?[0] ?? 0
        tallies.followUpsOverdue = followUps?[1] ?? 0
        tallies.agents = try agentWork(db, campaignID: campaignID, npsQuestion: request.npsQuestion, since: since)
        try addLineWork(db, campaignID: campaignID, since: since, to: &tallies.agents)
        for row in try Row.fetchAll(db, sql: """
            SELECT endedAt / 3600, count(*) FROM interview
            WHERE campaignId = ? AND status = 'complete' AND endedAt >= ? AND endedAt / 3600 >= ? GROUP BY 1
            """, arguments: [campaignID, since, min(request.today.lowerBound, request.now - 12 * 3600) / 3600]) {
            tallies.completesByHour[row[0]] = row[1]
        }
        var days: [String: [Double: Int]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.questionId, date(i.endedAt, 'unixepoch'), a.number, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = ? AND i.status = 'complete' AND i.endedAt >= ? AND a.number IS NOT NULL
              AND a.questionId IN (SELECT value FROM json_each(?))
            GROUP BY 1, 2, 3
            """, arguments: [campaignID, since, jsonArray(request.scaleQuestions)]) {
            let question: String = row[0], day: String = row[1], value: Double = row[2], count: Int = row[3]
            tallies.answers[question, default: [:]][value, default: 0] += count
            if question == request.npsQuestion { days[day, default: [:]][value] = count }
        }
        tallies.npsByDay = days.keys.sorted().map { StatsTallies.DayScores(day: $0, distribution: days[$0] ?? [:]) }
        for row in try Row.fetchAll(db, sql: """
            SELECT a.questionId, k.value, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id JOIN json_each(\(choiceKeys("a.value"))) k
            WHERE i.campaignId = ? AND i.status = 'complete' AND i.endedAt >= ?
              AND a.questionId IN (SELECT value FROM json_each(?))
            GROUP BY 1, 2
            """, arguments: [campaignID, since, jsonArray(request.choiceQuestions)]) {
            tallies.choices[row[0], default: [:]][row[1]] = row[2]
        }
    }

    /// Calls, active hours, time logged in, completes, interview seconds and the NPS sum of each agent since `since`.
    private static func agentWork(_ db: Database, campaignID: String, npsQuestion: String?,
                                  since: Int64) throws -> [StatsTallies.AgentWork] {
        var agents: [String: StatsTallies.AgentWork] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, count(*), count(DISTINCT startedAt / 3600) FROM call
            WHERE campaignId = ? AND startedAt >= ? GROUP BY agent
            """, arguments: [campaignID, since]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].calls = row[1]
            agents[agent, default: .init(agent: agent)].activeHours = row[2]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, sum(endedAt - startedAt) FROM (\(agentSessionSQL(where: "campaignId = ? AND startedAt >= ?")))
            GROUP BY agent
            """, arguments: [campaignID, since]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].loggedInSeconds = row[1]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, count(*), sum(endedAt - startedAt) FROM interview
            WHERE campaignId = ? AND status = 'complete' AND endedAt >= ? GROUP BY agent
            """, arguments: [campaignID, since]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].completes = row[1]
            agents[agent, default: .init(agent: agent)].interviewSeconds = row[2]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT i.agent, sum(a.number), count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = ? AND i.status = 'complete' AND i.endedAt >= ? AND a.questionId = ? AND a.number IS NOT NULL
            GROUP BY i.agent
            """, arguments: [campaignID, since, npsQuestion]) {
            let agent: String = row[0]
            agents[agent, default: .init(agent: agent)].npsSum = row[1]
            agents[agent, default: .init(agent: agent)].npsCount = row[2]
        }
        return agents.values.filter { $0.calls > 0 || $0.completes > 0 }.sorted { $0.agent < $1.agent }
    }
}
