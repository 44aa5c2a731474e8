import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Adds each agent's dialled calls, line-coded outcomes and ring and talk seconds (the calls
    /// CallPulse dialled, read through the partial index `call_dialled`), since `since` when given.
    static func addLineWork(_ db: Database, campaignID: String, since: Int64?, to agents: inout [StatsTallies.AgentWork]) throws {
        var index = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1.agent, $0) })
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, count(*), count(*) FILTER (WHERE codedBy = 'line'), total(ringSeconds), count(ringSeconds),
                   total(talkSeconds), count(talkSeconds)
            FROM call WHERE campaignId = ? AND dialledAt IS NOT NULL AND startedAt >= ? GROUP BY agent
            """, arguments: [campaignID, since ?? Int64.min]) {
            let agent: String = row[0]
            if index[agent] == nil {
                index[agent] = agents.count
                agents.append(.init(agent: agent))
            }
            let at = index[agent]!
            agents[at].dialled = row[1]
            agents[at].lineCoded = row[2]
            agents[at].ringSeconds = Int(row[3] as Double)
            agents[at].ringed = row[4]
            agents[at].talkSeconds = Int(row[5] as Double)
            agents[at].talked = row[6]
        }
    }
}
