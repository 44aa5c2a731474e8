import ArgumentParser
import CallPulseDomain
import CallPulseKit
import CallPulseSystem
import Foundation

/// `callpulse stats [CAMPAIGN…] [--by FIELD] [--watch [SECONDS]] [--json] [--all-rates]`: live figures.
public struct StatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Live stats per campaign: progress, AAPOR rates, NPS/CES/CSAT/CSI, agents, follow-ups, trend.",
        usage: CommandUsage.wrapped("callpulse stats [--db <DB>] [<campaigns> ...] [--by <FIELD>] [--watch] [--json] [--all-rates]"),
        discussion: """
            Scores come from complete interviews. Rates count unfinished cases by their last call's \
            AAPOR code (never attempted: 3.11). `--watch` redraws every 2 seconds, or every SECONDS \
            given right after it (e.g. `--watch 5`); while the database cannot be read (a server \
            restarting) it keeps the last figures up and says so. When standard output is not a \
            terminal it prints one snapshot. `--json` prints a stable JSON document (keys sorted).
            """)

    @OptionGroup public var database: DatabaseOptions
    @Argument(help: "Campaign ids (default: every campaign).") public var campaigns: [String] = []
    @Option(name: .customLong("by"), help: ArgumentHelp("Break scores down by a contact field, e.g. touchpoint.",
                                                       valueName: "FIELD"))
    public var breakdownField: String?
    @Flag(help: "Redraw full-screen every 2 s (or the SECONDS after it) until Ctrl-C.") public var watch = false
    @Flag(help: "Print JSON for wallboards and scripts.") public var json = false
    @Flag(help: "Show all sixteen AAPOR rates, not only RR1, RR3, COOP1, REF1 and CON1.") public var allRates = false

    /// Seconds between redraws with `--watch`.
    public var period: TimeInterval = 2

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case database, campaigns, breakdownField, watch, json, allRates
    }

    public mutating func validate() throws {
        guard watch else { return }
        // `--watch 5`: ArgumentParser has no optional option values, so the number after --watch on
        // the command line arrives among the campaign ids; take it back out.
        let arguments = CommandLine.arguments
        guard let flag = arguments.firstIndex(of: "--watch"), flag + 1 < arguments.count else { return }
        let text = arguments[flag + 1]
        guard let index = campaigns.firstIndex(of: text), text.first?.isNumber == true || text.first == "." else { return }
        guard let seconds = TimeInterval(text), seconds >= 0.2, seconds <= 3600 else {
            throw ValidationError(StatsError.invalidWatchPeriod(text).errorDescription ?? text)
        }
        period = seconds
        campaigns.remove(at: index)
    }

    public func run() throws {
        let db = try database.open()
        var ids = campaigns.isEmpty ? try db.campaigns().map(\.id) : campaigns
        guard !ids.isEmpty else {
            print("No campaigns in \(db.location). Create one with `callpulse campaign create`.")
            return
        }
        if campaigns.isEmpty {
            // A campaign whose stored script an earlier CallPulse accepted and this one refuses
            // (a scale over a billion points, say) must not take every other campaign's figures with it.
            ids = try ids.filter { id in
                do { _ = try db.campaign(id: id).loadScript() } catch let error as ScriptError {
                    let reason = error.errorDescription ?? "its script cannot be read"
                    FileHandle.standardError.write(Data("note: campaign \(id) is left out: \(reason)\n".utf8))
                    return false
                }
                return true
            }
            guard !ids.isEmpty else { throw StatsError.noReadableCampaign(db.location) }
        }
        let zone = TimeZone.current
        let render = { (columns: Int, rows: Int?) throws -> String in
            let now = unixNow()
            let snapshots = try ids.map {
                try StatsSnapshot.load(database: db, campaignID: $0, breakdownField: breakdownField, now: now)
            }
            if json { return try StatsDocument(generatedAt: now, campaigns: snapshots).jsonText() }
            let dashboard = StatsDashboard(width: columns, height: rows, color: Terminal.useColor, allRates: allRates,
                                           timeZone: zone)
            return dashboard.render(snapshots)
        }
        if watch && Terminal.stdoutIsTerminal {
            // A database that cannot be read for a while (a server restarting or failing over)
            // leaves the last figures up, under a line that says so; the next frame reads again.
            var outage = WatchOutage()
            try FullScreen.run(every: period) { columns, rows in
                do {
                    let frame = try render(columns, rows)
                    outage.last = (frame, unixNow())
                    return frame
                } catch where db.mayPassWithTime(error) {
                    return outage.frame(for: error, period: period, columns: columns, now: unixNow())
                }
            }
        }
        print(try render(Terminal.columns ?? 80, nil))
    }
}
