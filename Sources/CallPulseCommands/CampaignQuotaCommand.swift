import ArgumentParser
import CallPulseDomain
import CallPulseKit
import CallPulseStore
import CallPulseSystem
import Foundation

extension CampaignCommand {
    /// `callpulse campaign quota …`: a campaign's quotas and quota options.
    public struct QuotaCommand: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "quota",
            abstract: "Add, list and remove a campaign's quotas; set balancing and what happens to appointments.",
            discussion: """
                A quota is a group and a target of complete interviews. The group is written in the script's \
                condition language: names that are question ids read the answers, other names the call list's \
                fields (and 'language'): touchpoint = support, segment in (A, B), nps <= 6. A full field group \
                is no longer served (its appointments still are, unless dropped); an answer that puts an \
                interview in a full group ends it as quota filled (AAPOR 4.80). Changes take effect at the next claim.
                """,
            subcommands: [Add.self, List.self, Remove.self, Balance.self, Appointments.self])

        public init() {}
    }
}

extension CampaignCommand.QuotaCommand {
    /// `callpulse campaign quota add CAMPAIGN NAME --where CONDITION --target N`.
    public struct Add: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a quota to a campaign, or change the quota of that name.",
            usage: CommandUsage.wrapped(
                "callpulse campaign quota add [--db <DB>] <campaign> <name> --where <CONDITION> --target <N>"))
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var campaign: String
        @Argument(help: "The quota's name, e.g. support: letters, digits, '-', '_' and '.'.") public var name: String
        @Option(name: .customLong("where"), help: ArgumentHelp(
            "The group, in the script's condition language, e.g. 'touchpoint = support'.", valueName: "CONDITION"))
        public var definition: String
        @Option(help: ArgumentHelp("Complete interviews wanted in the group.", valueName: "N")) public var target: Int
        public init() {}

        public func run() throws {
            let db = try database.open()
            let change = try db.setQuota(campaignID: campaign, name: name, definition: definition, target: target,
                                         actor: LoginName.current, now: unixNow())
            let quota = try db.quotas(campaignID: campaign).first { $0.name == name }!
            print("\(change == .added ? "Added" : "Changed") quota \(name) of \(campaign): \(Terminal.sanitize(quota.group.summary)), "
                  + "target \(Plural.of(target, "complete")) (\(quota.group.kind.rawValue)).")
        }
    }

    /// `callpulse campaign quota list CAMPAIGN`.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "list", abstract: "List a campaign's quotas and where they stand.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var campaign: String
        public init() {}

        public func run() throws {
            let db = try database.open()
            let standings = try db.quotaStandings(campaignID: campaign, now: unixNow())
            let options = try db.quotaOptions(campaignID: campaign)
            guard !standings.isEmpty else {
                print("Campaign \(campaign) has no quotas. Add one with callpulse campaign quota add \(campaign) NAME --where CONDITION --target N.")
                return
            }
            print(QuotaTable.render(standings))
            print("Balancing \(options.balance ? "on" : "off"); appointments in full groups "
                  + (options.dropAppointments ? "dropped." : "kept."))
        }
    }

    /// `callpulse campaign quota remove CAMPAIGN NAME`.
    public struct Remove: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a quota: its group is served again from the next claim.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var campaign: String
        @Argument(help: "The quota's name.") public var name: String
        public init() {}

        public func run() throws {
            try database.open().removeQuota(campaignID: campaign, name: name, actor: LoginName.current, now: unixNow())
            print("Removed quota \(name) of \(campaign).")
        }
    }

    /// `callpulse campaign quota balance CAMPAIGN on|off`.
    public struct Balance: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "balance",
            abstract: "Serve the field groups furthest from their targets first (among contacts otherwise equal).")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var campaign: String
        @Argument(help: "on or off.") public var setting: OnOff
        public init() {}

        public func run() throws {
            try database.open().setQuotaOptions(campaignID: campaign, balance: setting == .on, dropAppointments: nil, actor: LoginName.current,
                                                now: unixNow())
            print("Quota balancing for \(campaign) is \(setting.rawValue).")
        }
    }

    /// `callpulse campaign quota appointments CAMPAIGN keep|drop`.
    public struct Appointments: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "appointments",
            abstract: "Keep (default) or drop the appointments already made in a full field group.")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The campaign id.") public var campaign: String
        @Argument(help: "keep or drop.") public var setting: KeepDrop
        public init() {}

        public func run() throws {
            try database.open().setQuotaOptions(campaignID: campaign, balance: nil, dropAppointments: setting == .drop,
                                                actor: LoginName.current, now: unixNow())
            print(setting == .keep ? "Appointments in full quota groups of \(campaign) are still served."
                                   : "Appointments in full quota groups of \(campaign) are no longer served.")
        }
    }

    public enum OnOff: String, ExpressibleByArgument, Sendable { case on, off }
    public enum KeepDrop: String, ExpressibleByArgument, Sendable { case keep, drop }
}
