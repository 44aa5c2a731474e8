import ArgumentParser
import CallPulseDomain
import CallPulseKit
import CallPulseSystem
import Foundation

/// `callpulse campaign …`: create campaigns and look after them.
public struct CampaignCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Create, list, show, pause, resume and close campaigns, and set their quotas.",
        subcommands: [Create.self, List.self, Show.self, Pause.self, Resume.self, Close.self, QuotaCommand.self]
    )

    public init() {}
}

extension CampaignCommand {
    /// `callpulse campaign create ID --script FILE --client NAME`.
    public struct Create: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a campaign from an interview script (the script is copied into the database).",
            usage: CommandUsage.wrapped("callpulse campaign create [--db <DB>] <id> --script <FILE> --client <NAME> [--title <TEXT>] [--field <NAME> ...] [--max-attempts <N>] [--weekdays <HH-HH>] [--saturday <HH-HH>] [--sunday <HH-HH>] [--time-zone <ZONE>] [--quarantine-days <DAYS>]"))

        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id, e.g. acme-2026q4: letters, digits, '-', '_' and '.'.") public var id: String
        @Option(help: ArgumentHelp("The interview script (YAML).", valueName: "FILE")) public var script: String
        @Option(help: ArgumentHelp("The client the survey is made for; fills {client} in the script.", valueName: "NAME"))
        public var client: String
        @Option(help: ArgumentHelp("A title for people (default: the script's title).", valueName: "TEXT")) public var title: String?
        @Option(name: .customLong("field"), help: ArgumentHelp(
            "A call-list column the script's placeholders may use (repeatable).", valueName: "NAME"))
        public var fields: [String] = []
        @Option(help: ArgumentHelp("Calls per contact before the case ends.", valueName: "N")) public var maxAttempts = 6
        @Option(help: ArgumentHelp("Calling hours Monday to Friday, or 'none'.", valueName: "HH-HH")) public var weekdays = "09-20"
        @Option(help: ArgumentHelp("Calling hours on Saturday, or 'none'.", valueName: "HH-HH")) public var saturday = "10-16"
        @Option(help: ArgumentHelp("Calling hours on Sunday, or 'none'.", valueName: "HH-HH")) public var sunday = "none"
        @Option(help: ArgumentHelp("The campaign's time zone, for contacts whose own zone is unknown.", valueName: "ZONE"))
        public var timeZone = "Europe/Helsinki"
        @Option(help: ArgumentHelp("Days after a complete interview in any campaign during which a person is not called.",
                                   valueName: "DAYS"))
        public var quarantineDays = 90

        public init() {}

        public mutating func validate() throws {
            for (label, text) in [("--weekdays", weekdays), ("--saturday", saturday), ("--sunday", sunday)]
            where text != "none" && CallingWindow(parsing: text) == nil {
                throw ValidationError("\(label) '\(text)' is not a calling window; write it as HH-HH or HH:MM-HH:MM, e.g. 09-20, or 'none'")
            }
        }

        public func run() throws {
            var rules = CampaignRules()
            rules.maxAttempts = maxAttempts
            rules.weekdayWindow = CallingWindow(parsing: weekdays)
            rules.saturdayWindow = CallingWindow(parsing: saturday)
            rules.sundayWindow = CallingWindow(parsing: sunday)
            rules.timeZone = timeZone
            rules.quarantineDays = quarantineDays
            let campaign = try Campaign.make(id: id, scriptFile: script, client: client, title: title, fields: fields,
                                             rules: rules, now: unixNow())
            let db = try database.openCreating()
            try db.createCampaign(campaign, actor: LoginName.current)
            print("Created campaign \(campaign.id) for \(Terminal.sanitize(campaign.client)): \(Terminal.sanitize(campaign.title))")
            print("Script \(Terminal.sanitize(campaign.scriptId)) copied from \(Terminal.sanitize(campaign.scriptFile)) into \(db.location).")
            for line in campaign.rulesDescription { print("  " + line) }
            for quota in try db.quotas(campaignID: campaign.id) {
                print("  quota \(quota.name): \(Terminal.sanitize(quota.group.summary)), target \(Plural.of(quota.target, "complete"))")
            }
            print("Next: callpulse import \(campaign.id) CALLLIST.csv")
        }
    }

    /// `callpulse campaign list`.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "list", abstract: "List the campaigns with their contact counts.")
        @OptionGroup public var database: DatabaseOptions
        public init() {}

        public func run() throws {
            let db = try database.open()
            let campaigns = try db.campaigns()
            guard !campaigns.isEmpty else {
                print("No campaigns in \(db.location). Create one with `callpulse campaign create`.")
                return
            }
            let now = unixNow()
            var table = [["ID", "CLIENT", "STATUS", "SCRIPT", "CONTACTS", "DONE", "CREATED"]]
            for campaign in campaigns {
                let counts = try db.contactCounts(campaignID: campaign.id, now: now)
                table.append([campaign.id, Terminal.sanitize(campaign.client), campaign.status.rawValue, Terminal.sanitize(campaign.scriptId),
                              String(counts.total), String(counts.done), TimeFormat.dateTime(campaign.createdAt)])
            }
            print(TextTable.render(table))
        }
    }

    /// `callpulse campaign show ID`.
    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a campaign's rules, script outline and contact counts.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var id: String
        public init() {}

        public func run() throws {
            let db = try database.open()
            let campaign = try db.campaign(id: id)
            let counts = try db.contactCounts(campaignID: id, now: unixNow())
            print(CampaignReport.render(campaign: campaign, counts: counts, script: try campaign.loadScript()))
            let quotas = try db.quotaStandings(campaignID: id, now: unixNow())
            if !quotas.isEmpty { print("\nQuotas (callpulse campaign quota list \(id)):\n" + QuotaTable.render(quotas)) }
        }
    }

    /// `callpulse campaign pause ID`.
    public struct Pause: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop serving the campaign's contacts to agents.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var id: String
        public init() {}
        public func run() throws { try changeStatus(.paused, id: id, database: database) }
    }

    /// `callpulse campaign resume ID`.
    public struct Resume: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "resume", abstract: "Serve a paused campaign's contacts again.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var id: String
        public init() {}
        public func run() throws { try changeStatus(.active, id: id, database: database) }
    }

    /// `callpulse campaign close ID [--purge-pii]`.
    public struct Close: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a campaign for good: no more calls or imports; its results stay for stats and export.",
            discussion: """
                --purge-pii also erases the personal data of every contact of the campaign (closed now or \
                earlier): names, numbers, contact fields, notes and free-text answers. Statistics and \
                export --no-pii keep every score. Refused while follow-ups are open or agents are in calls.
                """)
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var id: String
        @Flag(help: "Also erase the personal data of the campaign's contacts, keeping its statistics.")
        public var purgePii = false
        public init() {}

        public func run() throws {
            guard purgePii else { return try changeStatus(.closed, id: id, database: database) }
            let db = try database.open()
            let report = try ErasureGate.run(on: db) {
                try db.purgePersonalData(campaignID: id, actor: LoginName.current, now: unixNow())
            }
            for line in report.lines { print(line) }
        }
    }
}

private func changeStatus(_ status: Campaign.Status, id: String, database: DatabaseOptions) throws {
    let db = try database.open()
    let campaign = try db.setStatus(status, campaignID: id, actor: LoginName.current, at: unixNow())
    print("Campaign \(campaign.id) is \(campaign.status.rawValue).")
}
