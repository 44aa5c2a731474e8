import CallPulseStore
import GRDB

extension AppDatabase {
    /// `v8-quotas`: each campaign's quotas, the interviews counted in each group, and the
    /// campaign's quota options.
    ///
    /// - `quota`: the definition as written and the question ids it was checked against
    ///   (`answerNames`, a JSON array), so it parses the same way again without the script.
    /// - `quotaInterview`: an interview in a quota group — `complete = 1` once it completed (the
    ///   group's completes), `0` while a running interview holds a place in an answer group.
    ///   Membership is stored, not recomputed: a complete stays counted in the group it was
    ///   counted in, even when the contact's data is erased later.
    /// - `quotaSetting`: balancing, whether appointments in a full group are dropped, the script's
    ///   first language (the `language` of contacts without one), and a `version` drawn at random
    ///   by every change to the campaign's quotas, so a claim re-reads them only when they changed
    ///   (random, not counted: a process may see campaigns of the same id in several files).
    ///
    /// The contacts held by consoles now, counted as in progress on every claim, are found through
    /// `contact_lease` (from `v2-stats-tallies`).
    static func createQuotas(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE quota (
                id INTEGER PRIMARY KEY,
                campaignId TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                answerNames TEXT NOT NULL DEFAULT '[]',
                kind TEXT NOT NULL CHECK (kind IN ('fields', 'answers', 'fields and answers')),
                target INTEGER NOT NULL CHECK (target >= 0),
                createdAt INTEGER NOT NULL,
                changedAt INTEGER NOT NULL,
                UNIQUE (campaignId, name)
            );
            CREATE TABLE quotaInterview (
                quotaId INTEGER NOT NULL REFERENCES quota(id) ON DELETE CASCADE,
                interviewId INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
                complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
                PRIMARY KEY (quotaId, interviewId)
            ) WITHOUT ROWID;
            CREATE INDEX quotaInterview_interview ON quotaInterview(interviewId);
            CREATE TABLE quotaSetting (
                campaignId TEXT PRIMARY KEY NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                balance INTEGER NOT NULL DEFAULT 0,
                dropAppointments INTEGER NOT NULL DEFAULT 0,
                defaultLanguage TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 0
            );
            """)
    }
}
