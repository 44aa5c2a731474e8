import CallPulseDomain
import Foundation

extension StatsDashboard {
    /// SCORES; `compact` draws the NPS 0–10 distribution as one line and leaves out the scale lines
    /// of the CES and CSAT questions (their lines above show them).
    func scoresSection(_ scores: StatsSnapshot.Scores, compact: Bool = false) -> [String] {
        var lines = [heading("SCORES") + "  (from \(scores.basis))"]
        if let nps = scores.nps, nps.n == 0 {
            lines.append("  NPS \(StatsFormat.missing) (no answers yet)")
        } else if let nps = scores.nps {
            let method = nps.shownMarginOfErrorMethod.map { $0 == "wald" ? "Wald" : "adjusted Wald" } ?? ""
            lines.append("  NPS \(StatsFormat.nps(nps.score))  95 % interval \(StatsFormat.interval(nps.intervalLow, nps.intervalHigh))"
                         + " (\(method))  n \(nps.n)")
            let shares = "promoters \(StatsFormat.percent(nps.promoterShare))"
                + "  passives \(StatsFormat.percent(nps.passiveShare))"
                + "  detractors \(StatsFormat.percent(nps.detractorShare))"
            if compact {
                lines.append("  0 ▕\(TextBars.sparkline(nps.distribution))▏ 10  " + shares)
            } else {
                lines.append("      " + shares)
                lines += npsDistribution(nps)
            }
        }
        if let ces = scores.ces {
            let direction = ces.good == "high" ? "high is good" : "low is good"
            let agreeing = ces.percentAgreeing.map { "  agreeing (5–7) \(StatsFormat.percent(points: $0))" } ?? ""
            lines.append("  CES \(StatsFormat.number(ces.mean, decimals: 2)) (\(ces.min)–\(ces.max), \(direction))"
                         + "  n \(ces.n)\(agreeing)")
        }
        if let csat = scores.csat {
            lines.append("  CSAT \(StatsFormat.percent(points: csat.percent)) top-2-box  mean \(StatsFormat.number(csat.mean, decimals: 2))"
                         + "  n \(csat.n)")
        }
        if let csi = scores.csi {
            lines.append("  CSI \(StatsFormat.number(csi.value)) = \(csi.formula)"
                         + "  (\(StatsFormat.number(csi.rangeValue)) = \(csi.rangeFormula))")
        }
        let shown = compact ? [scores.ces?.questionId, scores.csat?.questionId].compactMap { $0 } : []
        for scale in scores.scales where scale.kind != "nps" && !shown.contains(scale.questionId) {
            let name = StatsFormat.safe(scale.questionId, limit: 16).padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append("  \(name) mean \(StatsFormat.number(scale.mean, decimals: 2))  n \(scale.n)"
                         + "  \(scale.min) ▕\(TextBars.sparkline(scale.distribution))▏ \(scale.max)")
        }
        return lines
    }

    /// The answers of each choice and yes/no question, counted per option (part of SCORES).
    func choicesSection(_ choices: [StatsSnapshot.ChoiceStats]) -> [String] {
        choices.flatMap { choice in
            let name = StatsFormat.safe(choice.questionId, limit: 16).padding(toLength: 16, withPad: " ", startingAt: 0)
            let cells = choice.options.map { "\(StatsFormat.safe($0.code, limit: 20)) \($0.count) (\(StatsFormat.percent($0.share)))" }
            return flow(["n \(choice.n)" + (choice.multiple ? ", several each" : "")] + cells, lead: "  " + name + " ",
                        indent: String(repeating: " ", count: 19))
        }
    }

    /// The NPS 0–10 distribution, one bar a score.
    private func npsDistribution(_ nps: StatsSnapshot.NPSStats) -> [String] {
        let top = max(nps.distribution.max() ?? 0, 1)
        return nps.distribution.enumerated().map { score, count in
            String(format: "  %2d ", score) + TextBars.bar(Double(count) / Double(top), width: width - 16)
                + String(format: " %7d", count)
        }
    }

    /// What LOGGED IN and CPH count (`AgentSessions`).
    static let agentsLegend = "(LOGGED IN: first claim to last release, breaks over \(AgentSessions.breakSeconds / 60) min left out)"

    func agentsSection(_ agents: [StatsSnapshot.AgentStats]) -> [String] {
        guard !agents.isEmpty else { return [heading("AGENTS") + "  none yet"] }
        var rows = [["AGENT", "CALLS", "COMPLETES", "LOGGED IN", "CPH", "MEAN LENGTH", "NPS MEAN"]]
        for agent in agents {
            rows.append([StatsFormat.safe(agent.agent, limit: 20), String(agent.calls), String(agent.completes),
                         StatsFormat.hours(agent.loggedInSeconds), StatsFormat.number(agent.completesPerHour, decimals: 2),
                         StatsFormat.duration(agent.meanInterviewSeconds), StatsFormat.number(agent.npsMean, decimals: 2)])
        }
        return [heading("AGENTS") + "  " + Self.agentsLegend] + TextTable.render(rows).split(separator: "\n").map { "  " + $0 }
            + lineRows(agents)
    }

    /// The phone line's share of the coding and the mean ring and talk time, for agents whose calls
    /// CallPulse dialled (`--phone`); nothing when none were.
    private func lineRows(_ agents: [StatsSnapshot.AgentStats]) -> [String] {
        let dialling = agents.filter { $0.dialledCalls != nil }
        guard !dialling.isEmpty else { return [] }
        var rows = [["DIALLED BY CALLPULSE", "CALLS", "CODED BY THE LINE", "MEAN RING", "MEAN TALK"]]
        for agent in dialling {
            rows.append([StatsFormat.safe(agent.agent, limit: 20), String(agent.dialledCalls ?? 0),
                         StatsFormat.percent(agent.lineCodedShare), StatsFormat.duration(agent.meanRingSeconds),
                         StatsFormat.duration(agent.meanTalkSeconds)])
        }
        return TextTable.render(rows).split(separator: "\n").map { "  " + $0 }
    }

    func trendSection(_ trend: StatsSnapshot.Trend) -> [String] {
        var lines = [heading("TREND") + "  completes per hour, last 12 h ▕\(TextBars.sparkline(trend.completesPerHour))▏"
                     + "  now \(trend.completesPerHour.last ?? 0)  today \(trend.completesToday)"]
        let days = trend.npsByDay.suffix(7).map { "\($0.day.dropFirst(5)) \(StatsFormat.nps($0.nps)) (\($0.n))" }
        if !days.isEmpty { lines += flow(days, lead: "  NPS by UTC day:") }
        return lines
    }

    func breakdownSection(_ breakdown: StatsSnapshot.Breakdown) -> [String] {
        var rows = [[StatsFormat.safe(breakdown.field, limit: 20).uppercased(), "N", "NPS", "95 % INTERVAL", "CES", "CSAT %"]]
        for group in breakdown.groups {
            rows.append([group.value.isEmpty ? "(none)" : StatsFormat.safe(group.value, limit: 24), String(group.n),
                         StatsFormat.nps(group.nps), StatsFormat.interval(group.npsIntervalLow, group.npsIntervalHigh),
                         StatsFormat.number(group.cesMean, decimals: 2), StatsFormat.number(group.csatPercent)])
        }
        return [heading("BY \(StatsFormat.safe(breakdown.field, limit: 20))")]
            + TextTable.render(rows).split(separator: "\n").map { "  " + $0 }
    }
}
