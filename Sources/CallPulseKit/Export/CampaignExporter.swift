import CallPulseDomain
import CallPulseStore
import Foundation

/// Writes a campaign's results for the client: one row per interview, or per call attempt
/// (the paradata), and the codebook that explains the columns.
///
/// Rows stream from the store straight into the `CSVWriter`: memory stays flat whatever the
/// campaign's size. Times are written as `2026-11-23 14:05` in the campaign's time zone.
public struct CampaignExporter {
    public let database: any CallPulseStore
    public let campaign: Campaign
    public let script: InterviewScript
    /// What to write; `since` may be set once the campaign's time zone is known.
    public var options: ExportOptions
    /// The campaign's quotas: with any, the interview export has a `quota_groups` column.
    public let quotas: [Quota]

    /// Loads the campaign and its script; throws `StoreError.campaignNotFound` for an unknown id.
    public init(database: any CallPulseStore, campaignID: String, options: ExportOptions) throws {
        self.database = database
        campaign = try database.campaign(id: campaignID)
        script = try campaign.loadScript()
        quotas = try database.quotas(campaignID: campaignID)
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
    /// question in script order, and the notes (left out with `--no-pii`). With quotas, the quota
    /// groups each interview counted in follow the disposition.
    public var interviewHeader: [String] {
        ["interview_id", "contact_id"] + personalColumns
            + ["agent", "language", "started", "ended", "duration_s", "disposition"]
            + (quotas.isEmpty ? [] : ["quota_groups"])
            + script.questions.map(\.id)
            + (options.includePersonalData ? ["notes"] : [])
    }

    /// The codebook describing the interview export's columns.
    public var codebook: Codebook {
        Codebook(script: script, personalColumns: personalColumns, includesNotes: options.includePersonalData, quotas: quotas)
    }

    /// Writes the header and one row per selected interview; returns the number of interviews.
    @discardableResult
    public func writeInterviews(to writer: CSVWriter) throws -> Int {
        try writer.writeRow(texts: interviewHeader)
        let questionColumn = Dictionary(uniqueKeysWithValues: script.questions.enumerated().map { ($1.id, $0) })
        let kinds = script.questions.map(\.kind)
        let personalCount = personalColumns.count
        let firstQuestion = 2 + personalCount + 6 + (quotas.isEmpty ? 0 : 1)
        let quotaGroups = quotas.isEmpty ? [:] : try database.quotaGroupsByInterview(campaignID: campaign.id)
        var row = [CSVWriter.Field](repeating: .empty, count: interviewHeader.count)
        var times = LocalTimeFormatter(timeZone: timeZone)
        var count = 0
        let contactFields = options.includePersonalData ? campaign.fields : nil
        try database.exportInterviews(selection, contactFields: contactFields) { interview in
            for index in row.indices { row[index] = .empty }
            row[0] = .number(String(interview.id))
            row[1] = .number(String(interview.contactID))
            for (index, value) in interview.personal.prefix(personalCount).enumerated() {
                row[2 + index] = Self.text(value)
            }
            let column = 2 + personalCount
            let started = interview.startedAt
            let ended = interview.endedAt
            row[column] = .text(interview.agent)
            row[column + 1] = .text(interview.language)
            row[column + 2] = .text(times.format(started))
            row[column + 3] = ended.map { .text(times.format($0)) } ?? .empty
            row[column + 4] = ended.map { .number(String($0 - started)) } ?? .empty
            row[column + 5] = Self.text(interview.disposition)
            if !quotas.isEmpty { row[column + 6] = .text(quotaGroups[interview.id]?.joined(separator: " ") ?? "") }
            for answer in interview.answers {
                if let index = questionColumn[answer.questionID] {
                    row[firstQuestion + index] = AnswerCoding.field(value: answer.value, special: answer.special,
                                                                    kind: kinds[index])
                }
            }
            if options.includePersonalData {
                row[row.count - 1] = Self.text(interview.notes)
            }
            try writer.writeRow(row)
            count += 1
        }
        return count
    }
}
