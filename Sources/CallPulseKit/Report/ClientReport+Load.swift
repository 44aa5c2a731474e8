import CallPulseDomain
import CallPulseStore
import Foundation

extension ClientReport {
    /// Reads and computes a campaign's client report at `now`, every figure from one read transaction.
    ///
    /// - Parameters:
    ///   - breakdownField: the contact field to break scores down by (`StatsError.unknownField` when
    ///     the campaign has none of that name).
    ///   - language: the labels' language; nil for the script's first language, else English.
    ///   - since: only interviews ended, cases called and follow-ups created at or after this instant.
    public static func load(database: any CallPulseStore, campaign: Campaign, breakdownField: String? = nil,
                            language: ReportLanguage? = nil, since: Int64? = nil, now: Int64) throws -> ClientReport {
        try StatsSnapshot.checkBreakdownField(breakdownField, of: campaign, in: database)
        let script = try campaign.loadScript()
        let statsRequest = StatsSnapshot.request(script: script, timeZone: campaign.zone, breakdownField: breakdownField,
                                                 since: since, now: now)
        let headline = script.questions.filter { [.nps, .csat].contains($0.kind) || $0.kind.typeName == "ces" }
        let npsQuestion = script.questions.first { $0.kind == .nps }?.id
        let reportRequest = ReportRequest(timelineQuestions: headline.map(\.id), npsQuestion: npsQuestion,
                                          textQuestions: script.questions.filter { $0.kind == .text }.map(\.id),
                                          since: since)
        var words: [VoiceGroup: WordCounter] = [:]
        var quotes = QuotePicker()
        let (statsTallies, tallies) = try database.reportTallies(campaignID: campaign.id, stats: statsRequest,
                                                                 report: reportRequest) { answer in
            words[npsQuestion == nil ? .unscored : VoiceGroup(npsScore: answer.npsScore), default: WordCounter()]
                .add(answer.text)
            quotes.consider(answer)
        }
        var snapshot = StatsSnapshot.make(campaign: campaign, script: script, tallies: statsTallies, request: statsRequest)
        let quotas = try database.quotaStandings(campaignID: campaign.id, now: now)
        snapshot.quotas = quotas.isEmpty ? nil : quotas.map(QuotaFigures.init)
        let language = language ?? ReportLanguage.preferred(for: script)
        let fallback = script.languages
        let ces = script.questions.first { $0.kind.typeName == "ces" }
        let groups: [VoiceGroup] = npsQuestion == nil ? [.unscored] : [.detractors, .promoters]
        return ClientReport(
            snapshot: snapshot, language: language, timeZone: campaign.zone, since: since,
            surveyTitle: script.title.text(for: language.rawValue, fallback: fallback) ?? campaign.title,
            cesLabels: (ces?.minLabel?.text(for: language.rawValue, fallback: fallback),
                        ces?.maxLabel?.text(for: language.rawValue, fallback: fallback)),
            loaded: tallies.loaded,
            timeline: ReportTimeline.make(answersByHour: tallies.answersByHour, script: script, timeZone: campaign.zone),
            voices: groups.map { group in
                let counter = words[group] ?? WordCounter()
                return Voice(group: group, answers: counter.answers, words: counter.top(wordsShown))
            },
            quotes: quotes.pick(quotesShown),
            followUps: FollowUpFigures(created: tallies.followUpsCreated, resolved: tallies.followUpsResolved,
                                       open: snapshot.followUps.open, overdue: snapshot.followUps.overdue,
                                       meanHoursToResolve: tallies.meanSecondsToResolve.map { $0 / 3600 }),
            choiceTexts: choiceTexts(script: script, language: language, client: campaign.client))
    }

    /// The texts of the script's choice and yes/no questions in `language`, `{client}` filled in.
    static func choiceTexts(script: InterviewScript, language: ReportLanguage, client: String) -> [String: ChoiceTexts] {
        let labels = ReportLabels(language: language)
        func text(_ localized: LocalizedText) -> String? {
            localized.text(for: language.rawValue, fallback: script.languages).map { Placeholders.fill($0, with: ["client": client]) }
        }
        var texts: [String: ChoiceTexts] = [:]
        for question in script.questions {
            switch question.kind {
            case .yesno:
                texts[question.id] = ChoiceTexts(question: text(question.text) ?? question.id,
                                                 options: ["yes": labels.yes, "no": labels.no])
            case let .choice(options, _):
                texts[question.id] = ChoiceTexts(question: text(question.text) ?? question.id, options: Dictionary(
                    options.map { ($0.code, text($0.label) ?? $0.code) }, uniquingKeysWith: { first, _ in first }))
            default:
                continue
            }
        }
        return texts
    }
}
