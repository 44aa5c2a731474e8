import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Migration "v2-stats-tallies": counters kept in step with every write by SQLite triggers, so
    /// `callpulse stats` reads a few hundred small rows instead of scanning a million contacts.
    ///
    /// - `contact.lastCode`: the AAPOR code of the contact's last call that has one (set by triggers
    ///   on `call`), so unfinished cases count by it in the rates (see `CaseDisposition`).
    /// - `contactTally`: contacts per campaign, status, code (final disposition when done, else
    ///   `lastCode`, else '') and whether attempted.
    /// - `callTally`: calls per campaign, agent and clock hour (hour = startedAt / 3600).
    /// - `interviewTally`: complete interviews and their seconds per campaign, agent and hour of completion.
    /// - `scoreTally`: numeric answers of complete interviews per campaign, question, UTC day of
    ///   completion and value; `agentScoreTally`: their sum and number per campaign, question and agent.
    /// - `followupTally`: open follow-ups per campaign and hour due (dueAt / 3600, -1 when none).
    ///
    /// Triggers work whichever code writes (console, import, tests, the sqlite3 shell), and the
    /// migration fills the tallies from the rows already there. Migrations are never edited once landed.
    static func createStatsTallies(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE contact ADD COLUMN lastCode TEXT;
            UPDATE contact SET lastCode = (
                SELECT aapor FROM call WHERE call.contactId = contact.id AND aapor IS NOT NULL ORDER BY id DESC LIMIT 1)
            WHERE attempts > 0;
            CREATE TRIGGER call_last_code_insert AFTER INSERT ON call WHEN NEW.aapor IS NOT NULL BEGIN
                UPDATE contact SET lastCode = NEW.aapor WHERE id = NEW.contactId;
            END;
            CREATE TRIGGER call_last_code_update AFTER UPDATE OF aapor ON call
            WHEN NEW.aapor IS NOT NULL AND NEW.aapor IS NOT OLD.aapor BEGIN
                UPDATE contact SET lastCode = NEW.aapor WHERE id = NEW.contactId;
            END;

            CREATE TABLE contactTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                code TEXT NOT NULL,
                attempted INTEGER NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (campaignId, status, code, attempted)
            ) WITHOUT ROWID;
            INSERT INTO contactTally (campaignId, status, code, attempted, n)
            SELECT campaignId, status, COALESCE(CASE WHEN status = 'done' THEN disposition END, lastCode, ''),
                   attempts > 0, count(*)
            FROM contact GROUP BY 1, 2, 3, 4;
            CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact BEGIN
                INSERT INTO contactTally (campaignId, status, code, attempted, n)
                VALUES (NEW.campaignId, NEW.status,
                        COALESCE(CASE WHEN NEW.status = 'done' THEN NEW.disposition END, NEW.lastCode, ''), NEW.attempts > 0, 1)
                ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER contact_tally_update AFTER UPDATE OF campaignId, status, disposition, lastCode, attempts ON contact
            WHEN OLD.campaignId IS NOT NEW.campaignId OR OLD.status IS NOT NEW.status OR OLD.disposition IS NOT NEW.disposition
                 OR OLD.lastCode IS NOT NEW.lastCode OR (OLD.attempts > 0) IS NOT (NEW.attempts > 0) BEGIN
                UPDATE contactTally SET n = n - 1
                WHERE campaignId = OLD.campaignId AND status = OLD.status
                  AND code = COALESCE(CASE WHEN OLD.status = 'done' THEN OLD.disposition END, OLD.lastCode, '')
                  AND attempted = (OLD.attempts > 0);
                INSERT INTO contactTally (campaignId, status, code, attempted, n)
                VALUES (NEW.campaignId, NEW.status,
                        COALESCE(CASE WHEN NEW.status = 'done' THEN NEW.disposition END, NEW.lastCode, ''), NEW.attempts > 0, 1)
                ON CONFLICT (campaignId, status, code, attempted) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact BEGIN
                UPDATE contactTally SET n = n - 1
                WHERE campaignId = OLD.campaignId AND status = OLD.status
                  AND code = COALESCE(CASE WHEN OLD.status = 'done' THEN OLD.disposition END, OLD.lastCode, '')
                  AND attempted = (OLD.attempts > 0);
            END;

            CREATE TABLE callTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                agent TEXT NOT NULL,
                hour INTEGER NOT NULL,
                calls INTEGER NOT NULL,
                PRIMARY KEY (campaignId, agent, hour)
            ) WITHOUT ROWID;
            INSERT INTO callTally (campaignId, agent, hour, calls)
            SELECT campaignId, agent, startedAt / 3600, count(*) FROM call GROUP BY 1, 2, 3;
            CREATE TRIGGER call_tally_insert AFTER INSERT ON call BEGIN
                INSERT INTO callTally (campaignId, agent, hour, calls) VALUES (NEW.campaignId, NEW.agent, NEW.startedAt / 3600, 1)
                ON CONFLICT (campaignId, agent, hour) DO UPDATE SET calls = calls + 1;
            END;
            CREATE TRIGGER call_tally_delete AFTER DELETE ON call BEGIN
                UPDATE callTally SET calls = calls - 1
                WHERE campaignId = OLD.campaignId AND agent = OLD.agent AND hour = OLD.startedAt / 3600;
            END;

            CREATE TABLE interviewTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                agent TEXT NOT NULL,
                hour INTEGER NOT NULL,
                completes INTEGER NOT NULL,
                seconds INTEGER NOT NULL,
                PRIMARY KEY (campaignId, agent, hour)
            ) WITHOUT ROWID;
            INSERT INTO interviewTally (campaignId, agent, hour, completes, seconds)
            SELECT campaignId, agent, endedAt / 3600, count(*), sum(endedAt - startedAt)
            FROM interview WHERE status = 'complete' AND endedAt IS NOT NULL GROUP BY 1, 2, 3;

            CREATE TABLE scoreTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL,
                day TEXT NOT NULL,
                value REAL NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (campaignId, questionId, day, value)
            ) WITHOUT ROWID;
            INSERT INTO scoreTally (campaignId, questionId, day, value, n)
            SELECT i.campaignId, a.questionId, date(i.endedAt, 'unixepoch'), a.number, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL
            GROUP BY 1, 2, 3, 4;

            CREATE TABLE agentScoreTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL,
                agent TEXT NOT NULL,
                total REAL NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (campaignId, questionId, agent)
            ) WITHOUT ROWID;
            INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
            SELECT i.campaignId, a.questionId, i.agent, sum(a.number), count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.status = 'complete' AND i.endedAt IS NOT NULL AND a.number IS NOT NULL
            GROUP BY 1, 2, 3;

            CREATE TABLE followupTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                dueHour INTEGER NOT NULL,
                open INTEGER NOT NULL,
                PRIMARY KEY (campaignId, dueHour)
            ) WITHOUT ROWID;
            INSERT INTO followupTally (campaignId, dueHour, open)
            SELECT campaignId, COALESCE(dueAt / 3600, -1), count(*) FROM followup WHERE resolvedAt IS NULL GROUP BY 1, 2;
            CREATE TRIGGER followup_tally_insert AFTER INSERT ON followup WHEN NEW.resolvedAt IS NULL BEGIN
                INSERT INTO followupTally (campaignId, dueHour, open) VALUES (NEW.campaignId, COALESCE(NEW.dueAt / 3600, -1), 1)
                ON CONFLICT (campaignId, dueHour) DO UPDATE SET open = open + 1;
            END;
            CREATE TRIGGER followup_tally_update AFTER UPDATE OF campaignId, dueAt, resolvedAt ON followup
            WHEN OLD.resolvedAt IS NULL OR NEW.resolvedAt IS NULL BEGIN
                UPDATE followupTally SET open = open - 1
                WHERE OLD.resolvedAt IS NULL AND campaignId = OLD.campaignId AND dueHour = COALESCE(OLD.dueAt / 3600, -1);
                INSERT INTO followupTally (campaignId, dueHour, open)
                SELECT NEW.campaignId, COALESCE(NEW.dueAt / 3600, -1), 1 WHERE NEW.resolvedAt IS NULL
                ON CONFLICT (campaignId, dueHour) DO UPDATE SET open = open + 1;
            END;
            CREATE TRIGGER followup_tally_delete AFTER DELETE ON followup WHEN OLD.resolvedAt IS NULL BEGIN
                UPDATE followupTally SET open = open - 1
                WHERE campaignId = OLD.campaignId AND dueHour = COALESCE(OLD.dueAt / 3600, -1);
            END;
            """)
        try createInterviewTallyTriggers(db)
        try db.execute(sql: """
            CREATE INDEX interview_tally_hour ON interviewTally(campaignId, hour);
            CREATE INDEX contact_lease ON contact(campaignId, leaseUntil, leaseAgent) WHERE leaseUntil IS NOT NULL;
            CREATE INDEX contact_appointment ON contact(campaignId, nextCallAt) WHERE appointmentAgent IS NOT NULL;
            CREATE INDEX followup_due ON followup(campaignId, dueAt) WHERE resolvedAt IS NULL;
            """)
    }

    /// Triggers that keep `interviewTally` and `scoreTally` in step with interviews becoming
    /// complete (or ceasing to be, or being deleted) and with answers of complete interviews changing.
    private static func createInterviewTallyTriggers(_ db: Database) throws {
        // The statements that add or remove one complete interview (NEW or OLD) and its answers.
        func interviewChange(_ row: String, _ sign: String) -> String {
            """
            INSERT INTO interviewTally (campaignId, agent, hour, completes, seconds)
            SELECT \(row).campaignId, \(row).agent, \(row).endedAt / 3600, \(sign)1, \(sign)(\(row).endedAt - \(row).startedAt)
            WHERE \(row).status = 'complete' AND \(row).endedAt IS NOT NULL
            ON CONFLICT (campaignId, agent, hour) DO UPDATE
            SET completes = completes + excluded.completes, seconds = seconds + excluded.seconds;
            INSERT INTO scoreTally (campaignId, questionId, day, value, n)
            SELECT \(row).campaignId, a.questionId, date(\(row).endedAt, 'unixepoch'), a.number, \(sign)1
            FROM answer a
            WHERE a.interviewId = \(row).id AND a.number IS NOT NULL AND \(row).status = 'complete' AND \(row).endedAt IS NOT NULL
            ON CONFLICT (campaignId, questionId, day, value) DO UPDATE SET n = n + excluded.n;
            INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
            SELECT \(row).campaignId, a.questionId, \(row).agent, \(sign)a.number, \(sign)1
            FROM answer a
            WHERE a.interviewId = \(row).id AND a.number IS NOT NULL AND \(row).status = 'complete' AND \(row).endedAt IS NOT NULL
            ON CONFLICT (campaignId, questionId, agent) DO UPDATE SET total = total + excluded.total, n = n + excluded.n;
            """
        }
        // The statement that adds or removes one answer (NEW or OLD) of a complete interview.
        func answerChange(_ row: String, _ sign: String) -> String {
            """
            INSERT INTO scoreTally (campaignId, questionId, day, value, n)
            SELECT i.campaignId, \(row).questionId, date(i.endedAt, 'unixepoch'), \(row).number, \(sign)1
            FROM interview i
            WHERE i.id = \(row).interviewId AND i.status = 'complete' AND i.endedAt IS NOT NULL AND \(row).number IS NOT NULL
            ON CONFLICT (campaignId, questionId, day, value) DO UPDATE SET n = n + excluded.n;
            INSERT INTO agentScoreTally (campaignId, questionId, agent, total, n)
            SELECT i.campaignId, \(row).questionId, i.agent, \(sign)\(row).number, \(sign)1
            FROM interview i
            WHERE i.id = \(row).interviewId AND i.status = 'complete' AND i.endedAt IS NOT NULL AND \(row).number IS NOT NULL
            ON CONFLICT (campaignId, questionId, agent) DO UPDATE SET total = total + excluded.total, n = n + excluded.n;
            """
        }
        try db.execute(sql: """
            CREATE TRIGGER interview_tally_insert AFTER INSERT ON interview WHEN NEW.status = 'complete' BEGIN
            \(interviewChange("NEW", "+"))
            END;
            CREATE TRIGGER interview_tally_update AFTER UPDATE OF campaignId, agent, status, startedAt, endedAt ON interview
            WHEN (OLD.status = 'complete' OR NEW.status = 'complete')
                 AND (OLD.status IS NOT NEW.status OR OLD.agent IS NOT NEW.agent OR OLD.endedAt IS NOT NEW.endedAt
                      OR OLD.startedAt IS NOT NEW.startedAt OR OLD.campaignId IS NOT NEW.campaignId) BEGIN
            \(interviewChange("OLD", "-"))
            \(interviewChange("NEW", "+"))
            END;
            CREATE TRIGGER interview_tally_delete BEFORE DELETE ON interview WHEN OLD.status = 'complete' BEGIN
            \(interviewChange("OLD", "-"))
            END;
            CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer WHEN NEW.number IS NOT NULL BEGIN
            \(answerChange("NEW", "+"))
            END;
            CREATE TRIGGER answer_tally_update AFTER UPDATE OF interviewId, questionId, number ON answer
            WHEN OLD.number IS NOT NEW.number OR OLD.questionId IS NOT NEW.questionId OR OLD.interviewId IS NOT NEW.interviewId BEGIN
            \(answerChange("OLD", "-"))
            \(answerChange("NEW", "+"))
            END;
            CREATE TRIGGER answer_tally_delete AFTER DELETE ON answer WHEN OLD.number IS NOT NULL BEGIN
            \(answerChange("OLD", "-"))
            END;
            """)
    }
}
