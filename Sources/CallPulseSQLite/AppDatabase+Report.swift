import CallPulseDomain
import CallPulseStore
import GRDB

/// The read queries behind `callpulse report`. They run in the same read transaction as the stats
/// tallies, so every figure in one report comes from one snapshot of the database.
extension AppDatabase {
    /// Reads the stats tallies for `stats` and the report's own figures for `report` in one read
    /// transaction. Open answers are not collected: `eachOpenAnswer` sees them one at a time, in
    /// interview order, straight from an SQLite cursor (memory stays flat on big campaigns).
    public func reportTallies(campaignID: String, stats: StatsRequest, report: ReportRequest,
                              eachOpenAnswer: (ReportTallies.OpenAnswer) throws -> Void) throws -> (StatsTallies, ReportTallies) {
        try read { db in
            let statsTallies = try Self.statsTallies(db, campaignID: campaignID, request: stats)
            var tallies = ReportTallies()
            let from = report.since ?? Int64.min
            // Contacts of an import still being written are not loaded yet.
            tallies.loaded = try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE campaignId = ? AND id < ?",
                                              arguments: [campaignID, try Self.firstStagedContactID(db)]) ?? 0
            for row in try Row.fetchAll(db, sql: """
                SELECT i.endedAt / 3600, a.questionId, a.number, count(*)
                FROM interview i JOIN answer a ON a.interviewId = i.id
                WHERE i.campaignId = ? AND i.status = 'complete' AND i.endedAt >= ? AND a.number IS NOT NULL
                  AND a.questionId IN (SELECT value FROM json_each(?))
                GROUP BY 1, 2, 3
                """, arguments: [campaignID, from, Self.jsonArray(report.timelineQuestions)]) {
                let hour: Int64 = row[0], question: String = row[1], value: Double = row[2]
                tallies.answersByHour[hour, default: [:]][question, default: [:]][value] = row[3]
            }
            let followUps = try Row.fetchOne(db, sql: """
                SELECT count(*), count(resolvedAt), avg(resolvedAt - createdAt) FROM followup
                WHERE campaignId = ? AND createdAt >= ?
                """, arguments: [campaignID, from])
            tallies.followUpsCreated = followUps?[0] ?? 0
            tallies.followUpsResolved = followUps?[1] ?? 0
            tallies.meanSecondsToResolve = followUps?[2]
            let answers = try Row.fetchCursor(db, sql: """
                SELECT i.id, n.number, json_extract(t.value, '$')
                FROM interview i
                JOIN answer t ON t.interviewId = i.id AND t.questionId IN (SELECT value FROM json_each(?))
                LEFT JOIN answer n ON n.interviewId = i.id AND n.questionId = ?
                WHERE i.campaignId = ? AND i.status = 'complete' AND COALESCE(i.endedAt, 0) >= ?
                  AND json_type(t.value) = 'text'
                ORDER BY i.id, t.questionId
                """, arguments: [Self.jsonArray(report.textQuestions), report.npsQuestion, campaignID, from])
            while let row = try answers.next() {
                let score: Double? = row[1]
                try eachOpenAnswer(.init(interviewID: row[0], npsScore: score.flatMap { Int(exactly: $0) }, text: row[2]))
            }
            return (statsTallies, tallies)
        }
    }
}
