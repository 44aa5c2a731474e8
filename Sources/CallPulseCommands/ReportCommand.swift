import ArgumentParser
import CallPulseKit
import CallPulseSystem
import Foundation

/// `callpulse report CAMPAIGN --out FILE`: the client report as one self-contained HTML file.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a campaign's client report: one self-contained HTML file with charts.",
        usage: CommandUsage.wrapped("callpulse report [--db <DB>] <campaign> --out <FILE> [--by <FIELD>] [--language <fi|sv|en>] [--since <YYYY-MM-DD[ HH:MM]>]"),
        discussion: """
            Key figures (NPS with its 95 % interval, CSAT, CES, CSI, completes, AAPOR response and \
            cooperation rates), the answer distributions, scores per day or week, a breakdown by a contact \
            field, the call funnel, the most frequent words of detractors and promoters with a few quotes, \
            and the follow-ups. The figures are those `callpulse stats` shows. Inline CSS and SVG only: \
            nothing is fetched when it is opened, and it prints to PDF on A4. The file is readable by its \
            owner only and appears only when complete; `--out -` writes to standard output.
            """)

    @OptionGroup public var database: DatabaseOptions
    @Argument(help: "The campaign id.") public var campaign: String
    @Option(help: ArgumentHelp("The HTML file to write; - for standard output.", valueName: "FILE"))
    public var out: String
    @Option(name: .customLong("by"), help: ArgumentHelp("Break scores down by a contact field, e.g. touchpoint.",
                                                       valueName: "FIELD"))
    public var breakdownField: String?
    @Option(help: ArgumentHelp("The labels' language: fi, sv or en (default: the script's first language).",
                               valueName: "fi|sv|en"))
    public var language: String?
    @Option(help: ArgumentHelp("Only interviews ended, cases called and follow-ups created from this time, in the campaign's zone.",
                               valueName: "YYYY-MM-DD[ HH:MM]"))
    public var since: String?

    public init() {}

    public func validate() throws {
        if let language {
            do { _ = try ReportLanguage(parsing: language) } catch { throw ValidationError(error.localizedDescription) }
        }
        if out.isEmpty { throw ValidationError("--out needs a file name, or - for standard output") }
    }

    public func run() throws {
        let db = try database.open()
        let campaign = try db.campaign(id: self.campaign)
        let since = try self.since.map { try ExportTimeParser.parse($0, timeZone: campaign.zone) }
        let report = try ClientReport.load(database: db, campaign: campaign, breakdownField: breakdownField,
                                           language: try language.map(ReportLanguage.init(parsing:)), since: since,
                                           now: unixNow())
        let html = ReportPage(report: report).render()
        let writer = out == "-" ? PrivateFileWriter(standardOutput: ()) : try PrivateFileWriter(path: out)
        do {
            try writer.write(Array(html.utf8))
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
        let completes = report.snapshot.progress.completes
        let summary = "Wrote the \(report.language.rawValue) report of \(self.campaign) (\(completes) complete interview"
            + "\(completes == 1 ? "" : "s")) to \(out == "-" ? "standard output" : out)."
        if out == "-" { Terminal.printError(summary) } else { print(summary) }
    }
}
