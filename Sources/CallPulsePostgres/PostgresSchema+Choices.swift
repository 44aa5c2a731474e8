extension PostgresSchema {
    /// "v6-figures-choice-tallies": how often each option of a choice question and each answer of
    /// a yes/no question was given in complete interviews, per campaign, question and key (an
    /// option's code, `true`/`false`, and '' for the number of answers), as on SQLite.
    ///
    /// SQLite's `json_valid`/`json_each`/`json_insert` expression is `callpulse_choice_keys(value)`,
    /// a set-returning PL/pgSQL function over `jsonb` (PostgreSQL 15 has no `IS JSON`: text that
    /// starts with `[` is cast in a block that catches the parse error; anything else returns no
    /// key without trying). Differences on odd values only: a JSON `null` element is no key
    /// (SQLite would fail on the NOT NULL column), and a nested array or object element's key is
    /// jsonb's spelling of it. Keys met twice in one statement are summed before the upsert.
    static let choiceTallies = PostgresMigration(name: "v6-figures-choice-tallies", sql: """
        CREATE FUNCTION callpulse_choice_keys(answer TEXT) RETURNS SETOF TEXT LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            parsed JSONB;
        BEGIN
            IF answer IN ('true', 'false') THEN
                RETURN NEXT '';
                RETURN NEXT answer;
                RETURN;
            END IF;
            IF answer IS NULL OR ltrim(answer, E' \\t\\r\\n') NOT LIKE '[%' THEN
                RETURN;
            END IF;
            BEGIN
                parsed := answer::jsonb;
            EXCEPTION WHEN OTHERS THEN
                RETURN;
            END;
            IF jsonb_typeof(parsed) = 'array' AND jsonb_array_length(parsed) > 0 THEN
                RETURN NEXT '';
                RETURN QUERY SELECT element FROM jsonb_array_elements_text(parsed) AS element WHERE element IS NOT NULL;
            END IF;
            RETURN;
        END $$;

        CREATE TABLE choiceTally (
            campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            questionId TEXT NOT NULL,
            value TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (campaignId, questionId, value)
        );
        INSERT INTO choiceTally (campaignId, questionId, value, n)
        SELECT i.campaignId, a.questionId, k.key, count(*)
        FROM interview i JOIN answer a ON a.interviewId = i.id CROSS JOIN LATERAL callpulse_choice_keys(a.value) AS k(key)
        WHERE i.status = 'complete' AND i.endedAt IS NOT NULL
        GROUP BY 1, 2, 3;

        CREATE FUNCTION choice_tally_interview() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'complete' AND OLD.endedAt IS NOT NULL THEN
                UPDATE choiceTally t SET n = t.n - k.n
                FROM (SELECT a.questionId, k.key, count(*) AS n
                      FROM answer a CROSS JOIN LATERAL callpulse_choice_keys(a.value) AS k(key)
                      WHERE a.interviewId = OLD.id GROUP BY 1, 2) k
                WHERE t.campaignId = OLD.campaignId AND t.questionId = k.questionId AND t.value = k.key;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'complete' AND NEW.endedAt IS NOT NULL THEN
                INSERT INTO choiceTally (campaignId, questionId, value, n)
                SELECT NEW.campaignId, a.questionId, k.key, count(*)
                FROM answer a CROSS JOIN LATERAL callpulse_choice_keys(a.value) AS k(key)
                WHERE a.interviewId = NEW.id GROUP BY 1, 2, 3
                ON CONFLICT (campaignId, questionId, value) DO UPDATE SET n = choiceTally.n + excluded.n;
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER choice_tally_interview_insert AFTER INSERT ON interview
        FOR EACH ROW WHEN (NEW.status = 'complete') EXECUTE FUNCTION choice_tally_interview();
        CREATE TRIGGER choice_tally_interview_update AFTER UPDATE OF campaignId, status, endedAt ON interview
        FOR EACH ROW WHEN ((OLD.status = 'complete' OR NEW.status = 'complete')
                           AND (OLD.status IS DISTINCT FROM NEW.status OR (OLD.endedAt IS NULL) IS DISTINCT FROM (NEW.endedAt IS NULL)
                                OR OLD.campaignId IS DISTINCT FROM NEW.campaignId))
        EXECUTE FUNCTION choice_tally_interview();
        CREATE TRIGGER choice_tally_interview_delete BEFORE DELETE ON interview
        FOR EACH ROW WHEN (OLD.status = 'complete') EXECUTE FUNCTION choice_tally_interview();

        CREATE FUNCTION choice_tally_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            parent RECORD;
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.value IS NOT NULL THEN
                SELECT campaignId, status, endedAt IS NOT NULL AS ended INTO parent FROM interview
                WHERE id = OLD.interviewId FOR SHARE;
                IF FOUND AND parent.status = 'complete' AND parent.ended THEN
                    UPDATE choiceTally t SET n = t.n - k.n
                    FROM (SELECT key, count(*) AS n FROM callpulse_choice_keys(OLD.value) AS k(key) GROUP BY 1) k
                    WHERE t.campaignId = parent.campaignId AND t.questionId = OLD.questionId AND t.value = k.key;
                END IF;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.value IS NOT NULL THEN
                SELECT campaignId, status, endedAt IS NOT NULL AS ended INTO parent FROM interview
                WHERE id = NEW.interviewId FOR SHARE;
                IF FOUND AND parent.status = 'complete' AND parent.ended THEN
                    INSERT INTO choiceTally (campaignId, questionId, value, n)
                    SELECT parent.campaignId, NEW.questionId, key, count(*)
                    FROM callpulse_choice_keys(NEW.value) AS k(key) GROUP BY 3
                    ON CONFLICT (campaignId, questionId, value) DO UPDATE SET n = choiceTally.n + excluded.n;
                END IF;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER choice_tally_answer_insert AFTER INSERT ON answer
        FOR EACH ROW WHEN (NEW.value IS NOT NULL) EXECUTE FUNCTION choice_tally_answer();
        CREATE TRIGGER choice_tally_answer_update AFTER UPDATE OF interviewId, questionId, value ON answer
        FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value OR OLD.questionId IS DISTINCT FROM NEW.questionId
                           OR OLD.interviewId IS DISTINCT FROM NEW.interviewId)
        EXECUTE FUNCTION choice_tally_answer();
        CREATE TRIGGER choice_tally_answer_delete AFTER DELETE ON answer
        FOR EACH ROW WHEN (OLD.value IS NOT NULL) EXECUTE FUNCTION choice_tally_answer();
        """)
}
