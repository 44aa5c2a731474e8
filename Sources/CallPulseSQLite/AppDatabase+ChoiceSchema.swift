import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Migration "v6-figures-choice-tallies": how often each option of a choice question and each
    /// answer of a yes/no question was given in complete interviews, kept in step by triggers as
    /// `scoreTally` is for numeric answers, so stats shows frequencies without reading the answers.
    ///
    /// `choiceTally` counts per campaign, question and key: an option's code for a choice answer
    /// (stored as a JSON array of codes, one for a single choice), `true` or `false` for a yes/no
    /// answer (stored as JSON `true` / `false`), and the empty key for the number of answers (a
    /// multiple-choice answer counts once there and once per code picked). Other answers (numbers,
    /// text: a JSON string) and special answers are not counted, so no free text lands here.
    static func createChoiceTallies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE choiceTally (
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL,
                value TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (campaignId, questionId, value)
            ) WITHOUT ROWID;
            INSERT INTO choiceTally (campaignId, questionId, value, n)
            SELECT i.campaignId, a.questionId, k.value, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id JOIN json_each(\(choiceKeys("a.value"))) k
            WHERE i.status = 'complete' AND i.endedAt IS NOT NULL
            GROUP BY 1, 2, 3;
            """)
        // The statements that add or remove one complete interview's (NEW or OLD) choice answers.
        func interviewChange(_ row: String, _ sign: String) -> String {
            """
            INSERT INTO choiceTally (campaignId, questionId, value, n)
            SELECT \(row).campaignId, a.questionId, k.value, \(sign)1
            FROM answer a JOIN json_each(\(choiceKeys("a.value"))) k
            WHERE a.interviewId = \(row).id AND \(row).status = 'complete' AND \(row).endedAt IS NOT NULL
            ON CONFLICT (campaignId, questionId, value) DO UPDATE SET n = n + excluded.n;
            """
        }
        // The statement that adds or removes one answer (NEW or OLD) of a complete interview.
        func answerChange(_ row: String, _ sign: String) -> String {
            """
            INSERT INTO choiceTally (campaignId, questionId, value, n)
            SELECT i.campaignId, \(row).questionId, k.value, \(sign)1
            FROM interview i JOIN json_each(\(choiceKeys("\(row).value"))) k
            WHERE i.id = \(row).interviewId AND i.status = 'complete' AND i.endedAt IS NOT NULL
            ON CONFLICT (campaignId, questionId, value) DO UPDATE SET n = n + excluded.n;
            """
        }
        try db.execute(sql: """
            CREATE TRIGGER choice_tally_interview_insert AFTER INSERT ON interview WHEN NEW.status = 'complete' BEGIN
            \(interviewChange("NEW", "+"))
            END;
            CREATE TRIGGER choice_tally_interview_update AFTER UPDATE OF campaignId, status, endedAt ON interview
            WHEN (OLD.status = 'complete' OR NEW.status = 'complete')
                 AND (OLD.status IS NOT NEW.status OR (OLD.endedAt IS NULL) IS NOT (NEW.endedAt IS NULL)
                      OR OLD.campaignId IS NOT NEW.campaignId) BEGIN
            \(interviewChange("OLD", "-"))
            \(interviewChange("NEW", "+"))
            END;
            CREATE TRIGGER choice_tally_interview_delete BEFORE DELETE ON interview WHEN OLD.status = 'complete' BEGIN
            \(interviewChange("OLD", "-"))
            END;
            CREATE TRIGGER choice_tally_answer_insert AFTER INSERT ON answer WHEN NEW.value IS NOT NULL BEGIN
            \(answerChange("NEW", "+"))
            END;
            CREATE TRIGGER choice_tally_answer_update AFTER UPDATE OF interviewId, questionId, value ON answer
            WHEN OLD.value IS NOT NEW.value OR OLD.questionId IS NOT NEW.questionId OR OLD.interviewId IS NOT NEW.interviewId BEGIN
            \(answerChange("OLD", "-"))
            \(answerChange("NEW", "+"))
            END;
            CREATE TRIGGER choice_tally_answer_delete AFTER DELETE ON answer WHEN OLD.value IS NOT NULL BEGIN
            \(answerChange("OLD", "-"))
            END;
            """)
    }

    /// A JSON array of the `choiceTally` keys one stored answer value counts under: `["", "true"]`
    /// for a yes, `["", "a", "c"]` for the choices a and c, `[]` for anything else (never an error,
    /// whatever the text: it is checked to be JSON before it is read as JSON).
    static func choiceKeys(_ value: String) -> String {
        """
        CASE WHEN \(value) IN ('true', 'false') THEN json_array('', \(value))
             WHEN json_valid(\(value)) THEN
                 CASE WHEN json_type(\(value)) = 'array' AND json_array_length(\(value)) > 0
                      THEN json_insert(\(value), '$[#]', '') ELSE '[]' END
             ELSE '[]' END
        """
    }
}
