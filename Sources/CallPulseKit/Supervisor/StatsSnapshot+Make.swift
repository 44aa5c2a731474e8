import CallPulseDomain
import CallPulseStore
import Foundation

extension StatsSnapshot {
    /// The request the store needs for a campaign's snapshot at `now`.
    public static func request(script: InterviewScript, timeZone: TimeZone, breakdownField: String?,
                               since: Int64? = nil, now: Int64) -> StatsRequest {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = Int64(calendar.startOfDay(for: Date(timeIntervalSince1970: TimeInterval(now))).timeIntervalSince1970)
        let end = Int64(calendar.date(byAdding: .day, value: 1, to: Date(timeIntervalSince1970: TimeInterval(start)))?
            .timeIntervalSince1970 ?? TimeInterval(start + 86_400))
        return StatsRequest(scaleQuestions: script.questions.filter { $0.kind.scaleRange != nil }.map(\.id),
                            npsQuestion: script.questions.first { $0.kind == .nps }?.id,
                            choiceQuestions: script.questions.filter(ChoiceStats.counts).map(\.id),
                            breakdownField: breakdownField, now: now, today: start..<end, since: since)
    }

    /// Turns the store's tallies into figures (pure: no I/O).
    public static func make(campaign: Campaign, script: InterviewScript, tallies: StatsTallies,
                            request: StatsRequest) -> StatsSnapshot {
        let info = CampaignInfo(id: campaign.id, client: campaign.client, title: campaign.title,
                                status: campaign.status.rawValue, scriptId: campaign.scriptId, timeZone: campaign.timeZone)
        let (progress, counts) = progress(tallies, request: request)
        let outcomeRates = OutcomeRates(counts: counts)
        let rates = Rates(e: outcomeRates.e, eMethod: "default", counts: counts, values: outcomeRates.all)
        let agents = tallies.agents.map { work in
            var stats = AgentStats(agent: work.agent, calls: work.calls, completes: work.completes, activeHours: work.activeHours,
                       loggedInSeconds: work.loggedInSeconds,
                       completesPerHour: Productivity.completesPerHour(completes: work.completes,
                                                                       agentSeconds: work.loggedInSeconds),
                       meanInterviewSeconds: Productivity.meanInterviewSeconds(totalSeconds: work.interviewSeconds,
                                                                               completes: work.completes),
                       npsMean: work.npsCount > 0 ? work.npsSum / Double(work.npsCount) : nil, npsAnswers: work.npsCount)
            if work.dialled > 0 {
                stats.dialledCalls = work.dialled
                stats.lineCodedShare = Double(work.lineCoded) / Double(work.dialled)
                stats.meanRingSeconds = work.ringed > 0 ? Double(work.ringSeconds) / Double(work.ringed) : nil
                stats.meanTalkSeconds = work.talked > 0 ? Double(work.talkSeconds) / Double(work.talked) : nil
            }
            return stats
        }
        let currentHour = request.now / 3600
        let hours = (currentHour - 11...currentHour).map { $0 }
        let completesToday = tallies.completesByHour
            .filter { request.today.contains($0.key * 3600) }
            .reduce(0) { $0 + $1.value }
        let trend = Trend(hourStarts: hours.map { $0 * 3600 }, completesPerHour: hours.map { tallies.completesByHour[$0] ?? 0 },
                          completesToday: completesToday,
                          npsByDay: tallies.npsByDay.map { day in
                              let nps = NetPromoterScore(distribution: Self.points(day.distribution, in: 0...10))
                              return DayScore(day: day.day, n: nps.n, nps: nps.score)
                          })
        return StatsSnapshot(
            campaign: info, generatedAt: request.now, progress: progress, rates: rates,
            scores: scores(script: script, answers: tallies.answers, choices: tallies.choices), agents: agents,
            followUps: FollowUps(open: tallies.followUpsOpen, overdue: tallies.followUpsOverdue), trend: trend,
            breakdown: tallies.groups.map { groups in
                Breakdown(field: request.breakdownField ?? "", groups: groups.map { group(script: script, $0) })
            })
    }

    /// Progress and the rates' disposition counts from the contact tallies.
    private static func progress(_ tallies: StatsTallies, request: StatsRequest) -> (Progress, DispositionCounts) {
        var progress = Progress()
        var counts = DispositionCounts()
        for group in tallies.contacts {
            let n = group.count
            progress.loaded += n
            if group.attempted { progress.attempted += n } else if group.status != "done" { progress.neverCalled += n }
            let done = group.status == "done"
            let code = CaseDisposition.code(finalDisposition: done ? group.code : nil,
                                            lastCallCode: group.code.isEmpty ? nil : group.code)
            let kind = DispositionGroup(code: code) ?? .UO
            counts.add(kind, count: n)
            guard done else { continue }
            progress.finished += n
            switch kind {
            case .I: progress.completes += n
            case .P: progress.partials += n
            case .R: progress.refusals += n
            case .NC: progress.nonContacts += n
            case .O: progress.otherNonInterviews += n
            case .UH, .UO: progress.unknownEligibility += n
            case .NE: progress.ineligible += n
            }
        }
        progress.remaining = progress.loaded - progress.finished
        progress.inProgress = tallies.leasedBy.values.reduce(0, +)
        progress.inProgressBy = tallies.leasedBy.map { AgentCount(agent: $0.key, contacts: $0.value) }
            .sorted { $0.agent < $1.agent }
        progress.appointmentsDueToday = tallies.appointmentsDueToday
        progress.penetration = Productivity.penetration(attempted: progress.attempted, loaded: progress.loaded)
        return (progress, counts)
    }

    /// `counts` (value → answers) as one count per point of `range`; values off the scale are dropped.
    static func points(_ counts: [Double: Int], in range: ClosedRange<Int>) -> [Int] {
        var summary = ScaleSummary(range: range)
        for (value, count) in counts {
            if let point = Int(exactly: value) { summary.add(point, count: count) }
        }
        return summary.counts
    }
}
