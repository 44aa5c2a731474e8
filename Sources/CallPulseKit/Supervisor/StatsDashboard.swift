import CallPulseDomain
import Foundation

/// Draws stats snapshots as a text dashboard that fits the terminal's width (80 columns by default).
///
/// Every text that came from a data file (client, title, agents, question ids, field values) goes
/// through `Terminal.sanitize`. Colour only when `color` is true (`Terminal.useColor`: a terminal
/// and no `NO_COLOR`).
public struct StatsDashboard: Sendable {
    /// Columns to fit; at least 60.
    public var width: Int
    /// Rows to fit (`stats --watch`: the window's height), or nil to show everything. When the full
    /// dashboard is taller, it turns compact (the NPS 0–10 distribution as one line, the scale lines
    /// already shown as CES and CSAT left out, one line per quota); when that is still too tall, the
    /// breakdown's groups, the NPS by day, the choice questions' answers, the quotas and then the agents' rows are cut, each cut said in a "… N more" line, so the
    /// headings, AGENTS and FOLLOW-UPS stay on screen.
    public var height: Int?
    /// Whether to use ANSI styles.
    public var color: Bool
    /// Whether to show all sixteen AAPOR rates instead of RR1, RR3, COOP1, REF1, CON1.
    public var allRates: Bool
    /// The time zone times are shown in when a campaign's own zone is unknown; otherwise each
    /// campaign's times (the header's too) are in the campaign's zone, as `today` is.
    public var timeZone: TimeZone

    public init(width: Int = 80, height: Int? = nil, color: Bool = false, allRates: Bool = false,
                timeZone: TimeZone = .current) {
        self.width = max(width, 60)
        self.height = height.map { max($0, 10) }
        self.color = color
        self.allRates = allRates
        self.timeZone = timeZone
    }

    /// The dashboard of several campaigns, one after the other, a blank line between them.
    public func render(_ snapshots: [StatsSnapshot]) -> String {
        let lines = fitted(snapshots)
        // A last guard for narrow windows: no line may wrap and push the screen.
        return lines.map { $0.count > width && !color ? String($0.prefix(width)) : $0 }.joined(separator: "\n")
    }

    /// The dashboard of one campaign.
    public func render(_ snapshot: StatsSnapshot) -> String {
        render([snapshot])
    }

    /// The dashboard's blocks for one campaign; `compact` for a short window.
    func blocks(_ snapshot: StatsSnapshot, compact: Bool) -> [Block] {
        var blocks = [
            Block(lines: [header(snapshot)]),
            Block(lines: progressSection(snapshot.progress, compact: compact)),
            Block(lines: ratesSection(snapshot.rates)),
            Block(lines: scoresSection(snapshot.scores, compact: compact)),
            Block(lines: choicesSection(snapshot.scores.choices), kept: 0, cut: .answers),
            Block(lines: agentsSection(snapshot.agents), kept: 2, cut: .agents),
            Block(lines: [heading("FOLLOW-UPS") + "  open \(snapshot.followUps.open)  overdue \(snapshot.followUps.overdue)"]),
            Block(lines: trendSection(snapshot.trend), kept: 1, cut: .trend),
        ]
        if let quotas = snapshot.quotas {
            blocks.insert(Block(lines: quotaSection(quotas, compact: compact), kept: 1, cut: .quotas), at: 2)
        }
        if let breakdown = snapshot.breakdown { blocks.append(Block(lines: breakdownSection(breakdown), kept: 1, cut: .groups, header: 1)) }
        return blocks
    }

    func heading(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// `cells` after `lead`, two spaces apart, flowed onto as many lines as the width needs; lines
    /// after the first start with `indent`.
    func flow(_ cells: [String], lead: String, indent: String = "  ") -> [String] {
        var lines: [String] = []
        var line = lead
        for cell in cells {
            if line.count + cell.count + 2 > width, line != lead, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent || line.hasSuffix(" ") ? "" : "  ") + cell
        }
        lines.append(line)
        return lines
    }

    private func header(_ snapshot: StatsSnapshot) -> String {
        let info = snapshot.campaign
        let zone = TimeZone(identifier: info.timeZone) ?? timeZone
        let instant = Date(timeIntervalSince1970: TimeInterval(snapshot.generatedAt))
        let time = TimeFormat.dateTime(snapshot.generatedAt, timeZone: zone)
            + (zone.abbreviation(for: instant).map { " " + $0 } ?? "")
        let title = "\(StatsFormat.safe(info.id, limit: 24)) · \(StatsFormat.safe(info.client, limit: 20)) · "
            + "\(StatsFormat.safe(info.title, limit: 24)) (\(info.status))"
        let room = width - time.count - 1
        let left = title.count > room ? String(title.prefix(room - 1)) + "…" : title
        return heading(left + String(repeating: " ", count: max(room - left.count, 0)) + " " + time)
    }

    /// PROGRESS; `compact` leaves out the counts that are 0 (but completes) and flows the rest together.
    private func progressSection(_ progress: StatsSnapshot.Progress, compact: Bool) -> [String] {
        let share = progress.loaded > 0 ? Double(progress.finished) / Double(progress.loaded) : 0
        let label = "\(progress.finished) / \(progress.loaded) finished "
        let percent = " " + StatsFormat.percent(progress.loaded > 0 ? share : nil)
        let barWidth = max(width - 10 - label.count - percent.count - 2, 10)
        let holders = progress.inProgressBy.map { "\(StatsFormat.safe($0.agent, limit: 12)) \($0.contacts)" }
        let held = holders.isEmpty ? "" : " (" + holders.prefix(4).joined(separator: ", ")
            + (holders.count > 4 ? ", …" : "") + ")"
        let bar = heading("PROGRESS") + "  " + label + "▕" + TextBars.bar(share, width: barWidth) + "▏" + percent
        let place: [(String, Int)] = [("loaded", progress.loaded), ("never called", progress.neverCalled),
                                      ("remaining", progress.remaining)]
        let now = ["penetration \(StatsFormat.percent(progress.penetration))", "in progress \(progress.inProgress)\(held)",
                   "appointments today \(progress.appointmentsDueToday)"]
        // Finished cases only, by their final disposition; RATES counts every case.
        let finished: [(String, Int)] = [("completes", progress.completes), ("partials", progress.partials),
                                         ("refusals", progress.refusals), ("non-contacts", progress.nonContacts),
                                         ("other", progress.otherNonInterviews),
                                         ("unknown eligibility", progress.unknownEligibility), ("ineligible", progress.ineligible)]
        func cells(_ counts: [(String, Int)], keepZero: Set<String>) -> [String] {
            counts.filter { !compact || $0.1 != 0 || keepZero.contains($0.0) }.map { "\($0.0) \($0.1)" }
        }
        if compact {
            let nowShown = progress.inProgress + progress.appointmentsDueToday > 0 ? now : [now[0]]
            return [bar] + flow(cells(place, keepZero: ["loaded"]) + nowShown, lead: "  ")
                + flow(cells(finished, keepZero: ["completes"]), lead: "  finished as:")
        }
        return [bar] + flow(cells(place, keepZero: []) + now, lead: "  ")
            + flow(cells(finished, keepZero: []), lead: "  finished as:")
    }

    /// The rates and the counts they come from. The counts take in every case, unfinished ones by
    /// their last call's code, so NC here can be above PROGRESS's non-contacts (finished ones only):
    /// a call-back (2.21) still to be made is NC in the rates and not yet a finished non-contact.
    private func ratesSection(_ rates: StatsSnapshot.Rates) -> [String] {
        let names = allRates ? OutcomeRates.names : OutcomeRates.headline
        let cells = names.map { "\($0) \(StatsFormat.percent(rates.values[$0] ?? nil))" }
        let c = rates.counts
        return [heading("RATES") + "  (AAPOR, e = \(StatsFormat.number(rates.e, decimals: 3)) \(rates.eMethod);"
                + " every case, unfinished by last call)"]
            + flow(cells, lead: "  ")
            + ["  I \(c.I)  P \(c.P)  R \(c.R)  NC \(c.NC)  O \(c.O)  UH \(c.UH)  UO \(c.UO)  NE \(c.NE)"]
    }
}
