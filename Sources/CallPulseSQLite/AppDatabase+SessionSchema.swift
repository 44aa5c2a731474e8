import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Migration "v6-figures-agent-sessions": each agent's sessions per campaign, kept in step with
    /// every call by triggers, so completes per hour divide by the time an agent was logged in
    /// instead of the clock hours their calls touched (6 completes in 8 minutes across 16:00 are
    /// 8 minutes, not 2 hours).
    ///
    /// A session is a run of the agent's calls in which each starts at most 900 s (15 minutes,
    /// `AgentSessions.breakSeconds`) after the run so far ended; it lasts from the first call's start
    /// (the claim) to the last one's end (the release). A call under way counts up to its start
    /// until it ends. Sessions only grow: a call deleted later (an erased contact) leaves the time the
    /// agent worked as it was. `agentSessionSQL` computes the same sessions from the call rows.
    static func createAgentSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agentSession (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                agent TEXT NOT NULL,
                startedAt INTEGER NOT NULL,
                endedAt INTEGER NOT NULL,
                PRIMARY KEY (campaignId, agent, startedAt)
            ) WITHOUT ROWID;
            CREATE INDEX agent_session_end ON agentSession(campaignId, agent, endedAt);
            INSERT INTO agentSession (campaignId, agent, startedAt, endedAt)
            \(agentSessionSQL(where: "1"))
            """)
        // Adds one call's span (NEW) to its agent's sessions: the sessions it touches (within the
        // break threshold) and the span become one row, the one with the earliest start (upserted
        // first); the other rows it swallowed are deleted after.
        let start = "NEW.startedAt", end = "max(COALESCE(NEW.endedAt, NEW.startedAt), NEW.startedAt)"
        let merge = """
            INSERT INTO agentSession (campaignId, agent, startedAt, endedAt)
            SELECT NEW.campaignId, NEW.agent, min(\(start), COALESCE(min(s.startedAt), \(start))),
                   max(\(end), COALESCE(max(s.endedAt), \(end)))
            FROM agentSession s
            WHERE s.campaignId = NEW.campaignId AND s.agent = NEW.agent
              AND s.endedAt >= \(start) - 900 AND s.startedAt <= \(end) + 900
            ON CONFLICT (campaignId, agent, startedAt) DO UPDATE SET endedAt = max(endedAt, excluded.endedAt);
            DELETE FROM agentSession
            WHERE campaignId = NEW.campaignId AND agent = NEW.agent
              AND endedAt >= \(start) - 900 AND startedAt <= \(end) + 900
              AND startedAt > (SELECT min(startedAt) FROM agentSession
                               WHERE campaignId = NEW.campaignId AND agent = NEW.agent
                                 AND endedAt >= \(start) - 900 AND startedAt <= \(end) + 900);
            """
        try db.execute(sql: """
            CREATE TRIGGER agent_session_insert AFTER INSERT ON call BEGIN
            \(merge)
            END;
            CREATE TRIGGER agent_session_update AFTER UPDATE OF campaignId, agent, startedAt, endedAt ON call BEGIN
            \(merge)
            END;
            """)
    }

    /// The sessions (campaignId, agent, startedAt, endedAt) of the calls matching `condition` (SQL on
    /// `call`), computed from the rows: the same sessions the "v6-figures-agent-sessions" triggers keep.
    /// The migration fills the table with it, so it says what that migration does: change it only
    /// together with a new migration.
    static func agentSessionSQL(where condition: String) -> String {
        """
        WITH span AS (
            SELECT campaignId, agent, startedAt AS s, max(COALESCE(endedAt, startedAt), startedAt) AS e
            FROM call WHERE \(condition)
        ), reach AS (
            SELECT *, max(e) OVER (PARTITION BY campaignId, agent ORDER BY s, e
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM span
        ), numbered AS (
            SELECT *, sum(CASE WHEN before IS NULL OR s > before + 900 THEN 1 ELSE 0 END)
                      OVER (PARTITION BY campaignId, agent ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS session
            FROM reach
        )
        SELECT campaignId, agent, min(s) AS startedAt, max(e) AS endedAt FROM numbered GROUP BY campaignId, agent, session
        """
    }
}
