import CallPulseDomain
import CallPulseStore

/// The figures behind `stats` and `report` on PostgreSQL: the SQLite store's queries
/// (`AppDatabase+Stats`, `+StatsLine`, `+StatsSince`), read from the trigger-kept tallies in one
/// REPEATABLE READ transaction, so every figure of one snapshot comes from the same moment.
///
/// Translated: `json_each(?)` over a list of questions is `= ANY($n::text[])`; `total()` is
/// `COALESCE(sum(), 0)`; `date(t, 'unixepoch')` is `callpulse_utc_day(t)`; SQLite's choice-key
/// expression is `callpulse_choice_keys`; a contact field is read with `jsonb` (a string as
/// itself, true/false as 1/0, a number as jsonb spells it, as `json_extract` gives them).
extension PostgresStore {
    public func statsTallies(campaignID: String, request: StatsRequest) throws -> StatsTallies {
        try read { try Self.statsTallies($0, campaignID: campaignID, request: request) }
    }

    /// The stats tallies read in the caller's transaction (the report reads more from the same snapshot).
    static func statsTallies(_ connection: PGConnection, campaignID: String, request: StatsRequest) throws -> StatsTallies {
        var tallies = StatsTallies()
        for row in try connection.execute("""
            SELECT leaseAgent, count(*) FROM contact
            WHERE campaignId = $1 AND leaseUntil IS NOT NULL AND leaseUntil > $2::bigint GROUP BY leaseAgent
            """, [campaignID, request.now]).rows {
            tallies.leasedBy[row[0] ?? "?"] = try row.int(1)
        }
        tallies.appointmentsDueToday = try connection.execute("""
            SELECT count(*) FROM contact
            WHERE campaignId = $1 AND appointmentAgent IS NOT NULL AND nextCallAt >= $2::bigint AND nextCallAt < $3::bigint
              AND status = 'scheduled'
            """, [campaignID, request.today.lowerBound, request.today.upperBound]).scalar(Int.self) ?? 0
        if let since = request.since {
            try readCounts(connection, campaignID: campaignID, request: request, since: since, into: &tallies)
        } else {
            try readTallies(connection, campaignID: campaignID, request: request, into: &tallies)
        }
        if let field = request.breakdownField {
            tallies.groups = try breakdown(connection, campaignID: campaignID, field: field,
                                           questions: request.scaleQuestions, since: request.since)
        }
        return tallies
    }

    /// Contacts, follow-ups, agents, completes and scores from the tallies the triggers keep.
    private static func readTallies(_ connection: PGConnection, campaignID: String, request: StatsRequest,
                                    into tallies: inout StatsTallies) throws {
        tallies.contacts = try connection.execute("""
            SELECT status, code, attempted, sum(n)::bigint FROM contactTally WHERE campaignId = $1
            GROUP BY status, code, attempted HAVING sum(n) <> 0
            ORDER BY status COLLATE "C", code COLLATE "C", attempted
            """, [campaignID]).rows.map {
            StatsTallies.ContactGroup(status: try $0.value(at: 0), code: try $0.value(at: 1), attempted: try $0.truth(2),
                                      count: try $0.int(3))
        }
        let hourStart = request.now / 3600 * 3600
        let followUps = try connection.execute("""
            SELECT COALESCE(sum(open), 0), COALESCE(sum(open) FILTER (WHERE dueHour >= 0 AND dueHour < $1::bigint), 0)
            FROM followupTally WHERE campaignId = $2
            """, [request.now / 3600, campaignID]).rows.first
        let dueThisHour = try connection.execute("""
            SELECT count(*) FROM followup
            WHERE campaignId = $1 AND resolvedAt IS NULL AND dueAt >= $2::bigint AND dueAt < $3::bigint
            """, [campaignID, hourStart, request.now]).scalar(Int.self) ?? 0
        tallies.followUpsOpen = try followUps?.int(0) ?? 0
        tallies.followUpsOverdue = (try followUps?.int(1) ?? 0) + dueThisHour
        tallies.agents = try agentWork(connection, campaignID: campaignID, npsQuestion: request.npsQuestion)
        try addLineWork(connection, campaignID: campaignID, since: nil, to: &tallies.agents)
        for row in try connection.execute("""
            SELECT hour, sum(completes) FROM interviewTally WHERE campaignId = $1 AND hour >= $2::bigint GROUP BY hour
            """, [campaignID, min(request.today.lowerBound, request.now - 12 * 3600) / 3600]).rows {
            tallies.completesByHour[try row.value(at: 0)] = try row.int(1)
        }
        tallies.answers = try answerCounts(connection, campaignID: campaignID, questions: request.scaleQuestions)
        for row in try connection.execute("""
            SELECT questionId, value, n FROM choiceTally WHERE campaignId = $1 AND questionId = ANY($2::text[]) AND n <> 0
            """, [campaignID, textArray(request.choiceQuestions)]).rows {
            tallies.choices[try row.value(at: 0), default: [:]][try row.value(at: 1)] = try row.int(2)
        }
        if let nps = request.npsQuestion {
            tallies.npsByDay = try connection.execute("""
                SELECT day, value, n FROM scoreTally WHERE campaignId = $1 AND questionId = $2 AND n <> 0
                ORDER BY day COLLATE "C", value
                """, [campaignID, nps]).rows.reduce(into: []) { days, row in
                let day: String = try row.value(at: 0)
                if days.last?.day != day { days.append(.init(day: day, distribution: [:])) }
                days[days.count - 1].distribution[try row.double(1)] = try row.int(2)
            }
        }
    }

    /// Calls, active hours, time logged in, completes, interview seconds and the NPS sum of each agent.
    private static func agentWork(_ connection: PGConnection, campaignID: String,
                                  npsQuestion: String?) throws -> [StatsTallies.AgentWork] {
        var agents: [String: StatsTallies.AgentWork] = [:]
        for row in try connection.execute("""
            SELECT agent, sum(calls), count(*) FILTER (WHERE calls > 0) FROM callTally WHERE campaignId = $1 GROUP BY agent
            """, [campaignID]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].calls = try row.int(1)
            agents[agent, default: .init(agent: agent)].activeHours = try row.int(2)
        }
        for row in try connection.execute("""
            SELECT agent, sum(endedAt - startedAt) FROM agentSession WHERE campaignId = $1 GROUP BY agent
            """, [campaignID]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].loggedInSeconds = try row.int(1)
        }
        for row in try connection.execute("""
            SELECT agent, sum(completes), sum(seconds) FROM interviewTally WHERE campaignId = $1 GROUP BY agent
            """, [campaignID]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].completes = try row.int(1)
            agents[agent, default: .init(agent: agent)].interviewSeconds = try row.int(2)
        }
        if let npsQuestion {
            for row in try connection.execute("""
                SELECT agent, total, n FROM agentScoreTally WHERE campaignId = $1 AND questionId = $2
                """, [campaignID, npsQuestion]).rows {
                let agent: String = try row.value(at: 0)
                agents[agent, default: .init(agent: agent)].npsSum = try row.double(1)
                agents[agent, default: .init(agent: agent)].npsCount = try row.int(2)
            }
        }
        return agents.values.filter { $0.calls > 0 || $0.completes > 0 }.sorted { $0.agent < $1.agent }
    }

    /// Each agent's dialled calls, line-coded outcomes and ring and talk seconds, since `since` when given.
    private static func addLineWork(_ connection: PGConnection, campaignID: String, since: Int64?,
                                    to agents: inout [StatsTallies.AgentWork]) throws {
        var index = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1.agent, $0) })
        for row in try connection.execute("""
            SELECT agent, count(*), count(*) FILTER (WHERE codedBy = 'line'), COALESCE(sum(ringSeconds), 0)::float8,
                   count(ringSeconds), COALESCE(sum(talkSeconds), 0)::float8, count(talkSeconds)
            FROM call WHERE campaignId = $1 AND dialledAt IS NOT NULL AND startedAt >= $2::bigint GROUP BY agent
            """, [campaignID, since ?? Int64.min]).rows {
            let agent: String = try row.value(at: 0)
            if index[agent] == nil {
                index[agent] = agents.count
                agents.append(.init(agent: agent))
            }
            let at = index[agent]!
            agents[at].dialled = try row.int(1)
            agents[at].lineCoded = try row.int(2)
            agents[at].ringSeconds = Int(try row.double(3))
            agents[at].ringed = try row.int(4)
            agents[at].talkSeconds = Int(try row.double(5))
            agents[at].talked = try row.int(6)
        }
    }

    /// value → count of the answers of complete interviews, per question.
    private static func answerCounts(_ connection: PGConnection, campaignID: String,
                                     questions: [String]) throws -> [String: [Double: Int]] {
        var answers: [String: [Double: Int]] = [:]
        for question in questions {
            for row in try connection.execute("""
                SELECT value, sum(n) FROM scoreTally WHERE campaignId = $1 AND questionId = $2 GROUP BY value
                HAVING sum(n) <> 0
                """, [campaignID, question]).rows {
                answers[question, default: [:]][try row.double(0)] = try row.int(1)
            }
        }
        return answers
    }

    /// A contact field's value as SQLite's `CAST(COALESCE(json_extract(fields, '$."field"'), '') AS TEXT)`
    /// gives it; `$1` is the field's name.
    private static let fieldGroup = """
        CASE jsonb_typeof(c.fields::jsonb -> $1)
            WHEN 'string' THEN c.fields::jsonb ->> $1
            WHEN 'boolean' THEN CASE WHEN (c.fields::jsonb -> $1)::boolean THEN '1' ELSE '0' END
            WHEN 'null' THEN ''
            ELSE COALESCE((c.fields::jsonb -> $1)::text, '')
        END
        """

    /// Scores of complete interviews grouped by a contact field (missing or empty → "").
    private static func breakdown(_ connection: PGConnection, campaignID: String, field: String, questions: [String],
                                  since: Int64?) throws -> [StatsTallies.GroupScores] {
        let from = since ?? Int64.min
        var groups: [String: StatsTallies.GroupScores] = [:]
        for row in try connection.execute("""
            SELECT \(fieldGroup) AS grp, count(*)
            FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE i.campaignId = $2 AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= $3::bigint GROUP BY 1
            """, [field, campaignID, from]).rows {
            let value: String = try row.value(at: 0)
            groups[value] = .init(value: value, interviews: try row.int(1), answers: [:])
        }
        for row in try connection.execute("""
            SELECT \(fieldGroup) AS grp, a.questionId, a.number, count(*)
            FROM interview i JOIN contact c ON c.id = i.contactId JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = $2 AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= $3::bigint
              AND a.number IS NOT NULL AND a.questionId = ANY($4::text[])
            GROUP BY 1, 2, 3
            """, [field, campaignID, from, textArray(questions)]).rows {
            let value: String = try row.value(at: 0)
            groups[value, default: .init(value: value, interviews: 0, answers: [:])]
                .answers[try row.value(at: 1), default: [:]][try row.double(2)] = try row.int(3)
        }
        return groups.values.sorted { $0.value < $1.value }
    }

    /// The same figures limited to a period, counted from the rows (see `AppDatabase+StatsSince`).
    private static func readCounts(_ connection: PGConnection, campaignID: String, request: StatsRequest, since: Int64,
                                   into tallies: inout StatsTallies) throws {
        tallies.contacts = try connection.execute("""
            SELECT status, callpulse_contact_code(status, disposition, lastCode), attempts > 0, count(*)
            FROM contact c
            WHERE campaignId = $1 AND EXISTS (SELECT 1 FROM call k WHERE k.contactId = c.id AND k.startedAt >= $2::bigint)
            GROUP BY 1, 2, 3 ORDER BY status COLLATE "C", callpulse_contact_code(status, disposition, lastCode) COLLATE "C", attempts > 0
            """, [campaignID, since]).rows.map {
            StatsTallies.ContactGroup(status: try $0.value(at: 0), code: try $0.value(at: 1), attempted: try $0.truth(2),
                                      count: try $0.int(3))
        }
        let followUps = try connection.execute("""
            SELECT count(*), count(*) FILTER (WHERE dueAt < $1::bigint) FROM followup
            WHERE campaignId = $2 AND resolvedAt IS NULL AND createdAt >= $3::bigint
            """, [request.now, campaignID, since]).rows.first
        tallies.followUpsOpen = try followUps?.int(0) ?? 0
        tallies.followUpsOverdue = try followUps?.int(1) ?? 0
        tallies.agents = try agentWork(connection, campaignID: campaignID, npsQuestion: request.npsQuestion, since: since)
        try addLineWork(connection, campaignID: campaignID, since: since, to: &tallies.agents)
        for row in try connection.execute("""
            SELECT endedAt / 3600, count(*) FROM interview
            WHERE campaignId = $1 AND status = 'complete' AND endedAt >= $2::bigint AND endedAt / 3600 >= $3::bigint GROUP BY 1
            """, [campaignID, since, min(request.today.lowerBound, request.now - 12 * 3600) / 3600]).rows {
            tallies.completesByHour[try row.value(at: 0)] = try row.int(1)
        }
        var days: [String: [Double: Int]] = [:]
        for row in try connection.execute("""
            SELECT a.questionId, callpulse_utc_day(i.endedAt), a.number, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = $1 AND i.status = 'complete' AND i.endedAt >= $2::bigint AND a.number IS NOT NULL
              AND a.questionId = ANY($3::text[])
            GROUP BY 1, 2, 3
            """, [campaignID, since, textArray(request.scaleQuestions)]).rows {
            let question: String = try row.value(at: 0), day: String = try row.value(at: 1)
            let value = try row.double(2), count = try row.int(3)
            tallies.answers[question, default: [:]][value, default: 0] += count
            if question == request.npsQuestion { days[day, default: [:]][value] = count }
        }
        tallies.npsByDay = days.keys.sorted().map { StatsTallies.DayScores(day: $0, distribution: days[$0] ?? [:]) }
        for row in try connection.execute("""
            SELECT a.questionId, k.key, count(*)
            FROM interview i JOIN answer a ON a.interviewId = i.id CROSS JOIN LATERAL callpulse_choice_keys(a.value) AS k(key)
            WHERE i.campaignId = $1 AND i.status = 'complete' AND i.endedAt >= $2::bigint AND a.questionId = ANY($3::text[])
            GROUP BY 1, 2
            """, [campaignID, since, textArray(request.choiceQuestions)]).rows {
            tallies.choices[try row.value(at: 0), default: [:]][try row.value(at: 1)] = try row.int(2)
        }
    }

    /// Calls, active hours, time logged in, completes, interview seconds and the NPS sum of each agent since `since`.
    private static func agentWork(_ connection: PGConnection, campaignID: String, npsQuestion: String?,
                                  since: Int64) throws -> [StatsTallies.AgentWork] {
        var agents: [String: StatsTallies.AgentWork] = [:]
        for row in try connection.execute("""
            SELECT agent, count(*), count(DISTINCT startedAt / 3600) FROM call
            WHERE campaignId = $1 AND startedAt >= $2::bigint GROUP BY agent
            """, [campaignID, since]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].calls = try row.int(1)
            agents[agent, default: .init(agent: agent)].activeHours = try row.int(2)
        }
        for row in try connection.execute("""
            SELECT agent, sum(endedAt - startedAt) FROM (\(PostgresSchema.agentSessionSQL(where: "campaignId = $1 AND startedAt >= $2::bigint"))) s
            GROUP BY agent
            """, [campaignID, since]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].loggedInSeconds = try row.int(1)
        }
        for row in try connection.execute("""
            SELECT agent, count(*), sum(endedAt - startedAt) FROM interview
            WHERE campaignId = $1 AND status = 'complete' AND endedAt >= $2::bigint GROUP BY agent
            """, [campaignID, since]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].completes = try row.int(1)
            agents[agent, default: .init(agent: agent)].interviewSeconds = try row.int(2)
        }
        for row in try connection.execute("""
            SELECT i.agent, sum(a.number), count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
            WHERE i.campaignId = $1 AND i.status = 'complete' AND i.endedAt >= $2::bigint AND a.questionId = $3::text
              AND a.number IS NOT NULL
            GROUP BY i.agent
            """, [campaignID, since, npsQuestion]).rows {
            let agent: String = try row.value(at: 0)
            agents[agent, default: .init(agent: agent)].npsSum = try row.double(1)
            agents[agent, default: .init(agent: agent)].npsCount = try row.int(2)
        }
        return agents.values.filter { $0.calls > 0 || $0.completes > 0 }.sorted { $0.agent < $1.agent }
    }

    /// The stats tallies and the report's own figures in one REPEATABLE READ transaction; open
    /// answers are streamed to `eachOpenAnswer` (single-row mode), in interview and question order.
    public func reportTallies(campaignID: String, stats: StatsRequest, report: ReportRequest,
                              eachOpenAnswer: (ReportTallies.OpenAnswer) throws -> Void) throws -> (StatsTallies, ReportTallies) {
        try streamingRead { connection, progress in
            let statsTallies = try Self.statsTallies(connection, campaignID: campaignID, request: stats)
            var tallies = ReportTallies()
            let from = report.since ?? Int64.min
            // Staged contacts are in contactStaging until they publish, so every contact is loaded.
            tallies.loaded = try connection.execute("SELECT count(*) FROM contact WHERE campaignId = $1", [campaignID])
                .scalar(Int.self) ?? 0
            for row in try connection.execute("""
                SELECT i.endedAt / 3600, a.questionId, a.number, count(*)
                FROM interview i JOIN answer a ON a.interviewId = i.id
                WHERE i.campaignId = $1 AND i.status = 'complete' AND i.endedAt >= $2::bigint AND a.number IS NOT NULL
                  AND a.questionId = ANY($3::text[])
                GROUP BY 1, 2, 3
                """, [campaignID, from, Self.textArray(report.timelineQuestions)]).rows {
                let hour: Int64 = try row.value(at: 0), question: String = try row.value(at: 1)
                tallies.answersByHour[hour, default: [:]][question, default: [:]][try row.double(2)] = try row.int(3)
            }
            let followUps = try connection.execute("""
                SELECT count(*), count(resolvedAt), avg(resolvedAt - createdAt)::float8 FROM followup
                WHERE campaignId = $1 AND createdAt >= $2::bigint
                """, [campaignID, from]).rows.first
            tallies.followUpsCreated = try followUps?.int(0) ?? 0
            tallies.followUpsResolved = try followUps?.int(1) ?? 0
            tallies.meanSecondsToResolve = try followUps?.value(at: 2, as: Double?.self)
            // SQLite's json_type(value) = 'text': a JSON string, read as its text.
            try connection.forEachRow("""
                SELECT i.id, n.number, t.value::jsonb #>> '{}'
                FROM interview i
                JOIN answer t ON t.interviewId = i.id AND t.questionId = ANY($1::text[])
                LEFT JOIN answer n ON n.interviewId = i.id AND n.questionId = $2::text
                WHERE i.campaignId = $3 AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= $4::bigint
                  AND left(ltrim(t.value, E' \\t\\r\\n'), 1) = '"'
                ORDER BY i.id, t.questionId COLLATE "C"
                """, [Self.textArray(report.textQuestions), report.npsQuestion, campaignID, from]) { row in
                let score = try row.value(at: 1, as: Double?.self)
                progress.handedOver = true
                try eachOpenAnswer(.init(interviewID: try row.value(at: 0), npsScore: score.flatMap { Int(exactly: $0) },
                                         text: try row.value(at: 2)))
            }
            return (statsTallies, tallies)
        }
    }
}
