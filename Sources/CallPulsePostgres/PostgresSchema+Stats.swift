extension PostgresSchema {
    /// "v2-stats-tallies": SQLite's trigger-kept counters, as PL/pgSQL trigger functions.
    ///
    /// Translated: `date(t, 'unixepoch')` is `callpulse_utc_day(t)`; `x IS NOT y` is `IS DISTINCT
    /// FROM`; `attempts > 0` stored as 0/1 is `(attempts > 0)::int`; a trigger's `WHEN` with a
    /// subquery (PostgreSQL allows none) moved into the function. A counter is added to with an
    /// upsert and taken from with an in-place `UPDATE … SET n = n - k` (as SQLite's single-row
    /// decrements do; a row that is not there is not created, so a campaign being deleted never
    /// gets a tally row back). An upsert that could meet the same key twice in one statement (a
    /// PostgreSQL error, unlike SQLite) sums by key first.
    ///
    /// An answer's triggers lock its interview `FOR SHARE` (whatever its status): an interview completed by another
    /// transaction while an answer is written then either waits or is seen, so no answer is
    /// counted twice or never (SQLite writers are serialized, PostgreSQL's are not).
    static let statsTallies = PostgresMigration(name: "v2-stats-tallies", sql: """
        CREATE FUNCTION callpulse_utc_day(seconds BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT to_char(TIMESTAMP '1970-01-01 00:00:00' + seconds * INTERVAL '1 second', 'YYYY-MM-DD')
        $$;

        ALTER TABLE contact ADD COLUMN lastCode TEXT;
        UPDATE contact SET lastCode = (
            SELECT aapor FROM call WHERE call.contactId = contact.id AND aapor IS NOT NULL ORDER BY id DESC LIMIT 1)
        WHERE attempts > 0;
        CREATE FUNCTION call_last_code() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contact SET lastCode = NEW.aapor WHERE id = NEW.contactId;
            RETURN NULL;
        END $$;
        CREATE TRIGGER call_last_code_insert AFTER INSERT ON call
        FOR EACH ROW WHEN (NEW.aapor IS NOT NULL) EXECUTE FUNCTION call_last_code();
        CREATE TRIGGER call_last_code_update AFTER UPDATE OF aapor ON call
        FOR EACH ROW WHEN (NEW.aapor IS NOT NULL AND NEW.aapor IS DISTINCT FROM OLD.aapor) EXECUTE FUNCTION call_last_code();

        CREATE TABLE contactTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            code TEXT NOT NULL,
            attempted BIGINT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (campaignId, status, code, attempted)
        );
        CREATE FUNCTION callpulse_contact_code(status TEXT, disposition TEXT, lastCode TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT COALESCE(CASE WHEN status = 'done' THEN disposition END, lastCode, '')
        $$;
        INSERT INTO contactTally (campaignId, status, code, attempted, n)
        SELECT campaignId, status, callpulse_contact_code(status, disposition, lastCode), (attempts > 0)::int, count(*)
        FROM contact GROUP BY 1, 2, 3, 4;
        CREATE FUNCTION contact_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE contactTally SET n = n - 1
                WHERE campaignId = OLD.campaignId AND status = OLD.status
                  AND code = callpulse_contact_code(OLD.status, OLD.disposition, OLD.lastCode)
                  AND attempted = (OLD.attempts > 0)::int;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO contactTally (campaignId, status, code, attempted, n)
                VALUES (NEW.campaignId, NEW.status, callpulse_contact_code(NEW.status, NEW.disposition, NEW.lastCode),
                        (NEW.attempts > 0)::int, 1)
                ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = contactTally.n + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact FOR EACH ROW EXECUTE FUNCTION contact_tally();
        CREATE TRIGGER contact_tally_update AFTER UPDATE OF campaignId, status, disposition, lastCode, attempts ON contact
        FOR EACH ROW WHEN (OLD.campaignId IS DISTINCT FROM NEW.campaignId OR OLD.status IS DISTINCT FROM NEW.status
                           OR OLD.disposition IS DISTINCT FROM NEW.disposition OR OLD.lastCode IS DISTINCT FROM NEW.lastCode
                           OR (OLD.attempts > 0) IS DISTINCT FROM (NEW.attempts > 0))
        EXECUTE FUNCTION contact_tally();
        CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact FOR EACH ROW EXECUTE FUNCTION contact_tally();

        CREATE TABLE callTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            agent TEXT NOT NULL,
            hour BIGINT NOT NULL,
            calls BIGINT NOT NULL,
            PRIMARY KEY (campaignId, agent, hour)
        );
        INSERT INTO callTally (campaignId, agent, hour, calls)
        SELECT campaignId, agent, startedAt / 3600, count(*) FROM call GROUP BY 1, 2, 3;
        CREATE FUNCTION call_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO callTally (campaignId, agent, hour, calls) VALUES (NEW.campaignId, NEW.agent, NEW.startedAt / 3600, 1)
                ON CONFLICT (campaignId, agent, hour) DO UPDATE SET calls = callTally.calls + 1;
            ELSE
                UPDATE callTally SET calls = calls - 1
                WHERE campaignId = OLD.campaignId AND agent = OLD.agent AND hour = OLD.startedAt / 3600;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER call_tally_insert AFTER INSERT ON call FOR EACH ROW EXECUTE FUNCTION call_tally();
        CREATE TRIGGER call_tally_delete AFTER DELETE ON call FOR EACH ROW EXECUTE FUNCTION call_tally();

        CREATE TABLE interviewTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            agent TEXT NOT NULL,
            hour BIGINT NOT NULL,
            completes BIGINT NOT NULL,
            seconds BIGINT NOT NULL,
            PRIMARY KEY (campaignId, agent, hour)
        );
        INSERT INTO interviewTally (campaignId, agent, hour, completes, seconds)
        SELECT campaignId, agent, endedAt / 3600, count(*), sum(endedAt - startedAt)
        FROM interview WHERE status = 'complete' AND endedAt IS NOT NULL GROUP BY 1, 2, 3;

        CREATE TABLE scoreTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            questionId TEXT NOT NULL,
            day TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (campaignId, questionId, day, value)
        );
        INSERT INTO scoreTally (campaignId, questionId, day, value, n)
        SELECT i.campaignId, a.questionId, callpulse_utc_day(i.endedAt), a.number, count(*)
        FROM interview i JOIN answer a ON a.interviewId = i.id
        WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL
        GROUP BY 1, 2, 3, 4;

        CREATE TABLE agentScoreTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            questionId TEXT NOT NULL,
            agent TEXT NOT NULL,
            total DOUBLE PRECISION NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (campaignId, questionId, agent)
        );
        INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
        SELECT i.campaignId, a.questionId, i.agent, sum(a.number), count(*)
        FROM interview i JOIN answer a ON a.interviewId = i.id
        WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL
        GROUP BY 1, 2, 3;

        CREATE TABLE followupTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            dueHour BIGINT NOT NULL,
            open BIGINT NOT NULL,
            PRIMARY KEY (campaignId, dueHour)
        );
        INSERT INTO followupTally (campaignId, dueHour, open)
        SELECT campaignId, COALESCE(dueAt / 3600, -1), count(*) FROM followup WHERE resolvedAt IS NULL GROUP BY 1, 2;
        CREATE FUNCTION followup_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.resolvedAt IS NULL THEN
                UPDATE followupTally SET open = open - 1
                WHERE campaignId = OLD.campaignId AND dueHour = COALESCE(OLD.dueAt / 3600, -1);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.resolvedAt IS NULL THEN
                INSERT INTO followupTally (campaignId, dueHour, open) VALUES (NEW.campaignId, COALESCE(NEW.dueAt / 3600, -1), 1)
                ON CONFLICT (campaignId, dueHour) DO UPDATE SET open = followupTally.open + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER followup_tally_insert AFTER INSERT ON followup
        FOR EACH ROW WHEN (NEW.resolvedAt IS NULL) EXECUTE FUNCTION followup_tally();
        CREATE TRIGGER followup_tally_update AFTER UPDATE OF campaignId, dueAt, resolvedAt ON followup
        FOR EACH ROW WHEN (OLD.resolvedAt IS NULL OR NEW.resolvedAt IS NULL) EXECUTE FUNCTION followup_tally();
        CREATE TRIGGER followup_tally_delete AFTER DELETE ON followup
        FOR EACH ROW WHEN (OLD.resolvedAt IS NULL) EXECUTE FUNCTION followup_tally();

        \(interviewTallyTriggers)

        CREATE INDEX interview_tally_hour ON interviewTally(campaignId, hour);
        CREATE INDEX contact_lease ON contact(campaignId, leaseUntil, leaseAgent) WHERE leaseUntil IS NOT NULL;
        CREATE INDEX contact_appointment ON contact(campaignId, nextCallAt) WHERE appointmentAgent IS NOT NULL;
        CREATE INDEX followup_due ON followup(campaignId, dueAt) WHERE resolvedAt IS NULL;
        """)

    /// The triggers that keep `interviewTally`, `scoreTally` and `agentScoreTally` in step with
    /// interviews becoming complete (or ceasing to be, or being deleted) and with answers of
    /// complete interviews changing.
    private static let interviewTallyTriggers = """
        CREATE FUNCTION interview_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'complete' AND OLD.endedAt IS NOT NULL THEN
                UPDATE interviewTally SET completes = completes - 1, seconds = seconds - (OLD.endedAt - OLD.startedAt)
                WHERE campaignId = OLD.campaignId AND agent = OLD.agent AND hour = OLD.endedAt / 3600;
                UPDATE scoreTally t SET n = t.n - a.n
                FROM (SELECT questionId, number, count(*) AS n FROM answer
                      WHERE interviewId = OLD.id AND number IS NOT NULL GROUP BY 1, 2) a
                WHERE t.campaignId = OLD.campaignId AND t.questionId = a.questionId
                  AND t.day = callpulse_utc_day(OLD.endedAt) AND t.value = a.number;
                UPDATE agentScoreTally t SET total = t.total - a.total, n = t.n - a.n
                FROM (SELECT questionId, sum(number) AS total, count(*) AS n FROM answer
                      WHERE interviewId = OLD.id AND number IS NOT NULL GROUP BY 1) a
                WHERE t.campaignId = OLD.campaignId AND t.questionId = a.questionId AND t.agent = OLD.agent;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'complete' AND NEW.endedAt IS NOT NULL THEN
                INSERT INTO interviewTally (campaignId, agent, hour, completes, seconds)
                VALUES (NEW.campaignId, NEW.agent, NEW.endedAt / 3600, 1, NEW.endedAt - NEW.startedAt)
                ON CONFLICT (campaignId, agent, hour) DO UPDATE
                SET completes = interviewTally.completes + excluded.completes,
                    seconds = interviewTally.seconds + excluded.seconds;
                INSERT INTO scoreTally (campaignId, questionId, day, value, n)
                SELECT NEW.campaignId, questionId, callpulse_utc_day(NEW.endedAt), number, count(*)
                FROM answer WHERE interviewId = NEW.id AND number IS NOT NULL GROUP BY questionId, number
                ON CONFLICT (campaignId, questionId, day, value) DO UPDATE SET n = scoreTally.n + excluded.n;
                INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
                SELECT NEW.campaignId, questionId, NEW.agent, sum(number), count(*)
                FROM answer WHERE interviewId = NEW.id AND number IS NOT NULL GROUP BY questionId
                ON CONFLICT (campaignId, questionId, agent) DO UPDATE
                SET total = agentScoreTally.total + excluded.total, n = agentScoreTally.n + excluded.n;
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER interview_tally_insert AFTER INSERT ON interview
        FOR EACH ROW WHEN (NEW.status = 'complete') EXECUTE FUNCTION interview_tally();
        CREATE TRIGGER interview_tally_update AFTER UPDATE OF campaignId, agent, status, startedAt, endedAt ON interview
        FOR EACH ROW WHEN ((OLD.status = 'complete' OR NEW.status = 'complete')
                           AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.agent IS DISTINCT FROM NEW.agent
                                OR OLD.endedAt IS DISTINCT FROM NEW.endedAt OR OLD.startedAt IS DISTINCT FROM NEW.startedAt
                                OR OLD.campaignId IS DISTINCT FROM NEW.campaignId))
        EXECUTE FUNCTION interview_tally();
        CREATE TRIGGER interview_tally_delete BEFORE DELETE ON interview
        FOR EACH ROW WHEN (OLD.status = 'complete') EXECUTE FUNCTION interview_tally();

        CREATE FUNCTION answer_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            parent RECORD;
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.number IS NOT NULL THEN
                SELECT campaignId, agent, endedAt, status, endedAt IS NOT NULL AS ended INTO parent FROM interview
                WHERE id = OLD.interviewId FOR SHARE;
                IF FOUND AND parent.status = 'complete' AND parent.ended THEN
                    UPDATE scoreTally SET n = n - 1
                    WHERE campaignId = parent.campaignId AND questionId = OLD.questionId
                      AND day = callpulse_utc_day(parent.endedAt) AND value = OLD.number;
                    UPDATE agentScoreTally SET total = total - OLD.number, n = n - 1
                    WHERE campaignId = parent.campaignId AND questionId = OLD.questionId AND agent = parent.agent;
                END IF;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.number IS NOT NULL THEN
                SELECT campaignId, agent, endedAt, status, endedAt IS NOT NULL AS ended INTO parent FROM interview
                WHERE id = NEW.interviewId FOR SHARE;
                IF FOUND AND parent.status = 'complete' AND parent.ended THEN
                    INSERT INTO scoreTally (campaignId, questionId, day, value, n)
                    VALUES (parent.campaignId, NEW.questionId, callpulse_utc_day(parent.endedAt), NEW.number, 1)
                    ON CONFLICT (campaignId, questionId, day, value) DO UPDATE SET n = scoreTally.n + excluded.n;
                    INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
                    VALUES (parent.campaignId, NEW.questionId, parent.agent, NEW.number, 1)
                    ON CONFLICT (campaignId, questionId, agent) DO UPDATE
                    SET total = agentScoreTally.total + excluded.total, n = agentScoreTally.n + excluded.n;
                END IF;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer
        FOR EACH ROW WHEN (NEW.number IS NOT NULL) EXECUTE FUNCTION answer_tally();
        CREATE TRIGGER answer_tally_update AFTER UPDATE OF interviewId, questionId, number ON answer
        FOR EACH ROW WHEN (OLD.number IS DISTINCT FROM NEW.number OR OLD.questionId IS DISTINCT FROM NEW.questionId
                           OR OLD.interviewId IS DISTINCT FROM NEW.interviewId)
        EXECUTE FUNCTION answer_tally();
        CREATE TRIGGER answer_tally_delete AFTER DELETE ON answer
        FOR EACH ROW WHEN (OLD.number IS NOT NULL) EXECUTE FUNCTION answer_tally();
        """
}
