extension PostgresSchema {
    /// "v6-figures-agent-sessions": each agent's sessions per campaign, kept in step with every
    /// call by a trigger, as on SQLite (a run of calls each starting at most 900 s after the run so
    /// far ended; sessions only grow).
    ///
    /// Merging a call into the sessions reads them and writes back, so the trigger first takes a
    /// transaction-level advisory lock on (campaign, agent): two transactions adding calls of the
    /// same agent take turns, and the second (at READ COMMITTED) sees the first's sessions.
    static let agentSessions = PostgresMigration(name: "v6-figures-agent-sessions", sql: """
        CREATE TABLE agentSession (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            agent TEXT NOT NULL,
            startedAt BIGINT NOT NULL,
            endedAt BIGINT NOT NULL,
            PRIMARY KEY (campaignId, agent, startedAt)
        );
        CREATE INDEX agent_session_end ON agentSession(campaignId, agent, endedAt);
        INSERT INTO agentSession (campaignId, agent, startedAt, endedAt)
        \(agentSessionSQL(where: "true"));

        CREATE FUNCTION agent_session() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            spanStart BIGINT := NEW.startedAt;
            spanEnd BIGINT := GREATEST(COALESCE(NEW.endedAt, NEW.startedAt), NEW.startedAt);
        BEGIN
            PERFORM pg_advisory_xact_lock(\(agentSessionLockClass), hashtext(NEW.campaignId || E'\\n' || NEW.agent));
            INSERT INTO agentSession (campaignId, agent, startedAt, endedAt)
            SELECT NEW.campaignId, NEW.agent, LEAST(spanStart, COALESCE(min(s.startedAt), spanStart)),
                   GREATEST(spanEnd, COALESCE(max(s.endedAt), spanEnd))
            FROM agentSession s
            WHERE s.campaignId = NEW.campaignId AND s.agent = NEW.agent
              AND s.endedAt >= spanStart - 900 AND s.startedAt <= spanEnd + 900
            ON CONFLICT (campaignId, agent, startedAt) DO UPDATE SET endedAt = GREATEST(agentSession.endedAt, excluded.endedAt);
            DELETE FROM agentSession
            WHERE campaignId = NEW.campaignId AND agent = NEW.agent
              AND endedAt >= spanStart - 900 AND startedAt <= spanEnd + 900
              AND startedAt > (SELECT min(startedAt) FROM agentSession
                               WHERE campaignId = NEW.campaignId AND agent = NEW.agent
                                 AND endedAt >= spanStart - 900 AND startedAt <= spanEnd + 900);
            RETURN NULL;
        END $$;
        CREATE TRIGGER agent_session_insert AFTER INSERT ON call FOR EACH ROW EXECUTE FUNCTION agent_session();
        CREATE TRIGGER agent_session_update AFTER UPDATE OF campaignId, agent, startedAt, endedAt ON call
        FOR EACH ROW EXECUTE FUNCTION agent_session();
        """)

    /// The first key of the advisory locks the agent-session trigger takes ("CPas"), the second
    /// being a hash of campaign and agent; two-key locks never meet the one-key migration lock.
    static let agentSessionLockClass: Int32 = 0x4350_6173

    /// The sessions (campaignId, agent, startedAt, endedAt) of the calls matching `condition` (SQL
    /// on `call`), computed from the rows: the same sessions the trigger keeps. SQLite's
    /// `agentSessionSQL` with `GREATEST` for SQLite's two-argument `max`.
    public static func agentSessionSQL(where condition: String) -> String {
        """
        WITH span AS (
            SELECT campaignId, agent, startedAt AS s, GREATEST(COALESCE(endedAt, startedAt), startedAt) AS e
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
