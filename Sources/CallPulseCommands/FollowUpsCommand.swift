import ArgumentParser
import CallPulseKit
import CallPulseStore
import CallPulseSystem
import Foundation

/// `callpulse followups …`: close the loop on the alerts the interviews raised.
public struct FollowUpsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "List, resolve and export the follow-ups that alerts created.",
        subcommands: [List.self, Resolve.self, Export.self],
        defaultSubcommand: List.self
    )

    public init() {}
}

extension FollowUpsCommand {
    /// `callpulse followups [CAMPAIGN] [--open]`.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List follow-ups: who to call, what triggered it, the customer's words, age, due or resolved.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "Only this campaign's follow-ups.") public var campaign: String?
        @Flag(help: "Only the open ones.") public var open = false
        public init() {}

        public func run() throws {
            let (details, context) = try loadFollowUps(database: database, campaign: campaign, openOnly: open)
            for line in FollowUpReport.render(details, context: context, now: unixNow()) { print(line) }
        }
    }

    /// `callpulse followups resolve ID --by NAME --note TEXT`.
    public struct Resolve: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Close a follow-up, saying who did what.",
            usage: CommandUsage.wrapped("callpulse followups resolve [--db <DB>] <id> [--by <NAME>] --note <TEXT>"))
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The follow-up's id (the # in the list).") public var id: Int64
        @Option(help: ArgumentHelp("Who resolved it (default: your login name).", valueName: "NAME")) public var by: String?
        @Option(help: ArgumentHelp("What was done, e.g. 'called back, refund agreed'.", valueName: "TEXT")) public var note: String
        public init() {}

        public func validate() throws {
            if let by, by.allSatisfy(\.isWhitespace) { throw ValidationError("--by must name who resolved follow-up #\(id)") }
        }

        public func run() throws {
            let db = try database.open()
            let resolver = by ?? LoginName.current
            let followUp = try db.resolveFollowUp(id: id, by: resolver, note: note, now: unixNow())
            print("Follow-up #\(id) of \(followUp.campaignId) resolved by \(Terminal.sanitize(resolver)).")
        }
    }

    /// `callpulse followups export [CAMPAIGN] [--out FILE] [--excel]`.
    public struct Export: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the open follow-ups as CSV for the client's customer-service team.",
            usage: CommandUsage.wrapped("callpulse followups export [--db <DB>] [<campaign>] [--out <FILE>] [--excel]"))
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "Only this campaign's follow-ups.") public var campaign: String?
        @Option(help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
        public var out: String?
        @Flag(help: "Excel in Finnish and most European locales: ';', UTF-8 with BOM.") public var excel = false
        public init() {}

        public func run() throws {
            let (details, context) = try loadFollowUps(database: database, campaign: campaign, openOnly: true)
            let dialect: CSVWriter.Dialect = excel ? .excel : .rfc4180
            let writer = try out.map { try CSVWriter(path: $0, dialect: dialect) } ?? CSVWriter(standardOutput: dialect)
            do {
                try FollowUpSheet.write(details, context: context, now: unixNow(), to: writer)
                try writer.finish()
            } catch {
                writer.discard()
                throw error
            }
            let summary = "Wrote \(details.count) open follow-up\(details.count == 1 ? "" : "s") to \(out ?? "standard output")."
            if out == nil { Terminal.printError(summary) } else { print(summary) }
        }
    }
}

/// The follow-ups of one campaign (checked to exist) or all, with their scripts and time zones.
private func loadFollowUps(database: DatabaseOptions, campaign: String?,
                           openOnly: Bool) throws -> ([FollowUpDetail], FollowUpContext) {
    let db = try database.open()
    if let campaign { _ = try db.campaign(id: campaign) }
    let details = try db.followUps(campaignID: campaign, openOnly: openOnly)
    return (details, try FollowUpContext(database: db, campaignIDs: Set(details.map(\.followUp.campaignId))))
}
