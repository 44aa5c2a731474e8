import ArgumentParser
import CallPulseKit
import Foundation

/// `callpulse audit [--campaign ID] [--since DATE] [--limit N]`: who changed what, and when.
public struct AuditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail: changed answers, erasures, purges, campaign changes, do-not-call changes, resolved follow-ups.",
        usage: CommandUsage.wrapped("callpulse audit [--db <DB>] [--campaign <ID>] [--since <YYYY-MM-DD[ HH:MM]>] [--limit <N>]"))

    @OptionGroup public var database: DatabaseOptions
    @Option(help: ArgumentHelp("Only what concerns this campaign (times in its zone).", valueName: "ID"))
    public var campaign: String?
    @Option(help: ArgumentHelp("Only lines from this time on.", valueName: "YYYY-MM-DD[ HH:MM]")) public var since: String?
    @Option(help: ArgumentHelp("Show at most the latest N lines.", valueName: "N")) public var limit = 50

    public init() {}

    public func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more, not \(limit)") }
    }

    public func run() throws {
        let db = try database.open()
        let zone = try campaign.map { TimeZone(identifier: try db.campaign(id: $0).timeZone) ?? .current } ?? .current
        let start = try since.map { try ExportTimeParser.parse($0, timeZone: zone) }
        let entries = try db.auditTrail(campaignID: campaign, since: start, limit: limit)
        for line in AuditReport.render(entries, timeZone: zone, limit: limit) { print(line) }
    }
}
