import CallPulseDomain
import ArgumentParser
import CallPulseKit
import CallPulseStore
import CallPulseSystem
import Foundation

/// `callpulse dnc …`: the do-not-call list every campaign and every import honours.
public struct DoNotCallCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dnc",
        abstract: "Add, remove, import and list numbers on the do-not-call list used by every campaign.",
        discussion: """
            A number on the list is never served to an agent in any campaign (its case ends as a \
            refusal, 2.11) and is rejected by imports. Numbers are read as the import reads them: \
            E.164 (+358401234567) or national in --region. Every change is in the audit trail.
            """,
        subcommands: [Add.self, Remove.self, Import.self, List.self]
    )

    public init() {}
}

extension DoNotCallCommand {
    /// `callpulse dnc add PHONE… [--reason TEXT]`.
    public struct Add: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Put numbers on the do-not-call list.",
            usage: CommandUsage.wrapped("callpulse dnc add [--db <DB>] <phones> ... [--reason <TEXT>] [--region <CODE>]"))
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The numbers.") public var phones: [String]
        @Option(help: ArgumentHelp("Why, e.g. 'asked by email 2026-11-20'.", valueName: "TEXT")) public var reason: String?
        @Option(help: ArgumentHelp("The region for numbers written without a country code.", valueName: "CODE"))
        public var region = "FI"
        public init() {}

        public func validate() throws { try validatePhones(phones, region: region) }

        public func run() throws {
            let numbers = try PhoneArguments.normalize(phones, region: region)
            let change = try database.openCreating().addToDoNotCall(numbers, actor: LoginName.current, source: "manual",
                                                             note: reason, now: unixNow())
            report(change, did: "Added", to: "to", already: "was on the list already")
        }
    }

    /// `callpulse dnc remove PHONE…`.
    public struct Remove: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Take numbers off the do-not-call list (cases it already ended stay ended).")
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The numbers.") public var phones: [String]
        @Option(help: ArgumentHelp("The region for numbers written without a country code.", valueName: "CODE"))
        public var region = "FI"
        public init() {}

        public func validate() throws { try validatePhones(phones, region: region) }

        public func run() throws {
            let numbers = try PhoneArguments.normalize(phones, region: region)
            let change = try database.open().removeFromDoNotCall(numbers, actor: LoginName.current, now: unixNow())
            report(change, did: "Removed", to: "from", already: "was not on the list")
        }
    }

    /// `callpulse dnc import FILE`.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add every number of a file: CSV with a phone column, or one number per line. All or nothing.",
            usage: CommandUsage.wrapped("callpulse dnc import [--db <DB>] <file> [--phone-column <NAME>] [--reason <TEXT>] [--region <CODE>]"))
        @OptionGroup public var database: DatabaseOptions
        @Argument(help: "The file.") public var file: String
        @Option(help: ArgumentHelp("The column holding the numbers (default: found by name, as in call lists).",
                                   valueName: "NAME"))
        public var phoneColumn: String?
        @Option(help: ArgumentHelp("Why, stored with each number added.", valueName: "TEXT")) public var reason: String?
        @Option(help: ArgumentHelp("The region for numbers written without a country code.", valueName: "CODE"))
        public var region = "FI"
        public init() {}

        public func run() throws {
            let entries = try DoNotCallFile.read(path: file, region: region, phoneColumn: phoneColumn)
            var unique: [String] = []
            var seen = Set<String>()
            for entry in entries where seen.insert(entry.phone).inserted { unique.append(entry.phone) }
            let change = try database.openCreating().addToDoNotCall(unique, actor: LoginName.current, source: "import \(file)",
                                                             note: reason, now: unixNow())
            print("Imported \(file) into the do-not-call list: \(Plural.of(entries.count, "number")) read, "
                + "\(change.changed.count) added, \(change.unchanged.count) on the list already"
                + (entries.count > unique.count ? ", \(entries.count - unique.count) repeated in the file." : "."))
        }
    }

    /// `callpulse dnc list [--json]`.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "list", abstract: "List the do-not-call list.")
        @OptionGroup public var database: DatabaseOptions
        @Flag(help: "Print JSON (keys sorted, times in UTC, ISO 8601).") public var json = false
        public init() {}

        public func run() throws {
            let entries = try database.open().doNotCallEntries()
            if json {
                print(try DoNotCallListing.json(entries))
                return
            }
            for line in DoNotCallListing.render(entries) { print(line) }
        }
    }
}

private func validatePhones(_ phones: [String], region: String) throws {
    do { _ = try PhoneArguments.normalize(phones, region: region) } catch {
        throw ValidationError(error.localizedDescription)
    }
}

private func report(_ change: DoNotCallChange, did: String, to: String, already: String) {
    if !change.changed.isEmpty {
        let count = change.changed.count
        print("\(did) \(Plural.of(count, "number")) \(to) the do-not-call list: \(change.changed.joined(separator: ", ")).")
    }
    for phone in change.unchanged { print("\(phone) \(already).") }
}
