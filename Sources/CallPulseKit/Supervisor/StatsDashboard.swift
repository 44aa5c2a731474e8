import Foundation

/// Draws stats snapshots as a text dashboard that fits the terminal's width (80 columns by default).
///
/// Every text that came from a data file (client, title, agents, question ids, field values) goes
/// through `Terminal.sanitize`. Colour only when `color` is true (`Terminal.useColor`: a terminal
/// and no `NO_COLOR`).
public struct StatsDashboard: Sendable {
    /// Columns to fit; at least 60.
    public var width: Int
    /// Whether to use ANSI styles.
    public var color: Bool
    /// Whether to show all sixteen AAPOR rates instead of RR1, RR3, COOP1, REF1, CON1.
    public var allRates: Bool
    /// The time zone times are shown in.
    public var timeZone: TimeZone

    public init(width: Int = 80, color: Bool = false, allRates: Bool = false, timeZone: TimeZone = .current) {
        self.width = max(width, 60)
        self.color = color
        self.allRates = allRates
        self.timeZone = timeZone
    }

    /// The dashboard of several campaigns, one after the other.
    public func render(_ snapshots: [StatsSnapshot]) -> String {
        snapshots.map(render).joined(separator: "\n\n")
    }

    /// The dashboard of one campaign.
    public func render(_ snapshot: StatsSnapshot) -> String {
        var lines = [header(snapshot)]
        lines += progressSection(snapshot.progress)
        lines += ratesSection(snapshot.rates)
        lines += scoresSection(snapshot.scores)
        lines += agentsSection(snapshot.agents)
        lines.append(heading("FOLLOW-UPS") + "  open \(snapshot.followUps.open)  overdue \(snapshot.followUps.overdue)")
        lines += trendSection(snapshot.trend)
        if let breakdown = snapshot.breakdown { lines += breakdownSection(breakdown) }
        // A last guard for narrow windows: no line may wrap and push the screen.
        return lines.map { $0.count > width && !color ? String($0.prefix(width)) : $0 }.joined(separator: "\n")
    }

    func heading(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func header(_ snapshot: StatsSnapshot) -> String {
        let info = snapshot.campaign
        let time = TimeFormat.dateTime(snapshot.generatedAt, timeZone: timeZone)
        let title = "\(StatsFormat.safe(info.id, limit: 24)) · \(StatsFormat.safe(info.client, limit: 20)) · "
            + "\(StatsFormat.safe(info.title, limit: 24)) (\(info.status))"
        let room = width - time.count - 1
        let left = title.count > room ? String(title.prefix(room - 1)) + "…" : title
        return heading(left + String(repeating: " ", count: max(room - left.count, 0)) + " " + time)
    }

    private func progressSection(_ progress: StatsSnapshot.Progress) -> [String] {
        let share = progress.loaded > 0 ? Double(progress.finished) / Double(progress.loaded) : 0
        let label = "\(progress.finished) / \(progress.loaded) finished "
        let percent = " " + StatsFormat.percent(progress.loaded > 0 ? share : nil)
        let barWidth = max(width - 10 - label.count - percent.count - 2, 10)
        let holders = progress.inProgressBy.map { "\(StatsFormat.safe($0.agent, limit: 12)) \($0.contacts)" }
        let held = holders.isEmpty ? "" : " (" + holders.prefix(4).joined(separator: ", ")
            + (holders.count > 4 ? ", …" : "") + ")"
        return [
            heading("PROGRESS") + "  " + label + "▕" + TextBars.bar(share, width: barWidth) + "▏" + percent,
            "  loaded \(progress.loaded)  never called \(progress.neverCalled)  remaining \(progress.remaining)"
                + "  penetration \(StatsFormat.percent(progress.penetration))",
            "  in progress \(progress.inProgress)\(held)  appointments today \(progress.appointmentsDueToday)",
            "  completes \(progress.completes)  partials \(progress.partials)  refusals \(progress.refusals)"
                + "  non-contacts \(progress.nonContacts)",
            "  other \(progress.otherNonInterviews)  unknown eligibility \(progress.unknownEligibility)"
                + "  ineligible \(progress.ineligible)",
        ]
    }

    private func ratesSection(_ rates: StatsSnapshot.Rates) -> [String] {
        let names = allRates ? OutcomeRates.names : OutcomeRates.headline
        let cells = names.map { "\($0) \(StatsFormat.percent(rates.values[$0] ?? nil))" }
        var lines = [heading("RATES") + "  (AAPOR; e = \(StatsFormat.number(rates.e, decimals: 3)), \(rates.eMethod))"]
        var line = " "
        for cell in cells {
            if line.count + cell.count + 2 > width {
                lines.append(line)
                line = " "
            }
            line += " " + cell + " "
        }
        lines.append(line)
        let c = rates.counts
        lines.append("  I \(c.I)  P \(c.P)  R \(c.R)  NC \(c.NC)  O \(c.O)  UH \(c.UH)  UO \(c.UO)  NE \(c.NE)")
        return lines
    }
}
