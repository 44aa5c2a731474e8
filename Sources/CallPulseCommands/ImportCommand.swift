import ArgumentParser
import CallPulseCallList
import CallPulseKit
import CallPulseSystem
import Foundation

/// `callpulse import CAMPAIGN FILE.csv`: load a client's call list into a campaign.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a call list (CSV) into a campaign: all rows or none, with a report of what was rejected and why.",
        usage: CommandUsage.wrapped("callpulse import [--db <DB>] <campaign> <file> [--region <CODE>] [--phone-column <NAME>] [--encoding <NAME>] [--rejects <FILE>] [--dry-run]"),
        discussion: """
            The file needs a header row and a phone column (phone, puhelin, telefon, mobile, … or --phone-column). \
            Comma, semicolon and tab delimiters and UTF-8 (with or without BOM), UTF-16 and Windows-1252 are detected. \
            Optional columns: name, first_name, last_name, language (fi/sv/en), timezone; every other column is kept \
            as a contact field for the script's placeholders and the export.
            """
    )

    @OptionGroup public var database: DatabaseOptions
    @Argument(help: "The campaign to load the contacts into.") public var campaign: String
    @Argument(help: "The call list.") public var file: String
    @Option(help: ArgumentHelp("The region for numbers written without a country code (ISO code, e.g. FI, SE).",
                               valueName: "CODE"))
    public var region = "FI"
    @Option(help: ArgumentHelp("The column holding the phone number.", valueName: "NAME")) public var phoneColumn: String?
    @Option(help: ArgumentHelp("The file's encoding when detection guesses wrong: utf-8, windows-1252, utf-16le, utf-16be.",
                               valueName: "NAME"))
    public var encoding: String?
    @Option(help: ArgumentHelp("Write every rejected row, with its line number and reason, to this CSV file.", valueName: "FILE"))
    public var rejects: String?
    @Flag(help: "Check the file and report what would happen, importing nothing.") public var dryRun = false

    public init() {}

    public func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("'\(encoding)' is not an encoding CallPulse reads; use utf-8, windows-1252, utf-16le or utf-16be")
        }
        if let rejects, rejects == file { throw ValidationError("--rejects must not be the call list itself") }
    }

    public func run() throws {
        let db = try database.open()
        var options = CallListImporter.Options()
        options.region = region
        options.phoneColumn = phoneColumn
        options.encoding = encoding.flatMap(TextEncoding.init(name:))
        options.rejectsPath = rejects
        options.dryRun = dryRun
        options.waiting = { FileHandle.standardError.write(Data("Another import is running on this database; waiting for it to finish…\n".utf8)) }
        let summary = try CallListImporter(database: db).importFile(file, into: campaign, options: options, now: unixNow())
        print(summary.report)
    }
}
