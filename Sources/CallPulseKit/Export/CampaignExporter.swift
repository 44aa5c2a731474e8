import CallPulseDomain
import Foundation
import GRDB

/// Writes a campaign's results for the client: one row per interview, or per call attempt
/// (the paradata), and the codebook that explains the columns.
///
/// Rows stream from SQLite cursors straight into the `CSVWriter`: memory stays flat whatever
/// the campaign's size. Times are written as `2026-11-23 14:05` in the campaign's time zone.
public struct CampaignExporter {
    public let database: AppDatabase
    public let campaign: Campaign
    public let script: InterviewScript
    /// What to write; `since` may be set once the campaign's time zone is known.
    public var options: ExportOptions

    /// Loads the campaign and its script; throws `StoreError.campaignNotFound` for an unknown id.
    public init(database: AppDatabase, campaignID: String, options: ExportOptions) throws {
        self.database = database
        campaign = try database.campaign(id: campaignID)
        script = try campaign.loadScript()
        self.options = options
    }

    var selection: ExportSelection {
        ExportSelection(campaignID: campaign.id, since: options.since, includePartials: options.includePartials)
    }

    /// The campaign's time zone, in which times are written and `--since` is read.
    public var timeZone: TimeZone { TimeZone(identifier: campaign.timeZone) ?? .current }

    /// The contact's personal columns in the interview export, in order (empty with `--no-pii`).
    var personalColumns: [String] {
        guard options.includePersonalData else { return [] }
        // Fields imported before the export's names were reserved are renamed here the way the import renames them now.
        let questionIDs = Set(script.questions.map { $0.id.lowercased() })
        let others = Set(campaign.fields.map { $0.lowercased() })
        return ["phone", "name", "first_name", "last_name"]
            + campaign.fields.map { ExportColumns.fieldColumn($0, questionIDs: questionIDs, otherFields: others) }
    }

    /// The interview export's header: ids, personal columns, interview facts, one column per
    /// question in script order, and the notes (left out with `--no-pii`).
    public var interviewHeader: [String] {
        ["interview_id", "contact_id"] + personalColumns
            + ["agent", "language", "started", "ended", "duration_s", "disposition"]
            + script.questions.map(\.id)
            + (options.includePersonalData ? ["notes"] : [])
    }

    /// The codebook describing the interview export's columns.
    public var codebook: Codebook {
        Codebook(script: script, personalColumns: personalColumns, includesNotes: options.includePersonalData)
    }

    /// Writes the header and one row per selected interview; returns the number of interviews.
    @discardableResult
    public func writeInterviews(to writer: CSVWriter) throws -> Int {
        try writer.writeRow(texts: interviewHeader)
        let questionColumn = Dictionary(uniqueKeysWithValues: script.questions.enumerated().map { ($1.id, $0) })
        let kinds = script.questions.map(\.kind)
        let personalCount = personalColumns.count
        let firstQuestion = 2 + personalCount + 6
        var row = [CSVWriter.Field](repeating: .empty, count: interviewHeader.count)
        var times = LocalTimeFormatter(timeZone: timeZone)
        return try database.read { db in
            let interviews = try AppDatabase.exportedInterviews(
                db, selection, contactFields: options.includePersonalData ? campaign.fields : nil)
            let answers = try AppDatabase.exportedAnswers(db, selection)
            var pending = try answers.next().map(PendingAnswer.init)
            var count = 0
            while let interview = try interviews.next() {
                let id: Int64 = interview[0]
                for index in row.indices { row[index] = .empty }
                row[0] = .number(String(id))
                row[1] = .number(String(interview[1] as Int64))
                for index in 0..<personalCount {
                    row[2 + index] = Self.text(interview[8 + index])
                }
                var column = 2 + personalCount
                let started: Int64 = interview[4]
                let ended: Int64? = interview[5]
                row[column] = .text(interview[2])
                row[column + 1] = .text(interview[3])
                row[column + 2] = .text(times.format(started))
                row[column + 3] = ended.map { .text(times.format($0)) } ?? .empty
                row[column + 4] = ended.map { .number(String($0 - started)) } ?? .empty
                row[column + 5] = Self.text(interview[6])
                column = firstQuestion
                while let answer = pending, answer.interviewID <= id {
                    if answer.interviewID == id, let index = questionColumn[answer.questionID] {
                        row[column + index] = AnswerCoding.field(value: answer.value, special: answer.special,
                                                                 kind: kinds[index])
                    }
                    pending = try answers.next().map(PendingAnswer.init)
                }
                if options.includePersonalData {
                    row[row.count - 1] = Self.text(interview[7])
                }
                try writer.writeRow(row)
                count += 1
            }
            return count
        }
    }
}

/// An answer read ahead from its cursor, waiting for its interview's row.
private struct PendingAnswer {
    var interviewID: Int64
    var questionID: String
    var value: DatabaseValue
    var special: String?

    init(_ row: Row) {
        interviewID = row[0]
        questionID = row[1]
        value = row[2]
        special = row[3]
    }
}
