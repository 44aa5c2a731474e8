import ArgumentParser
import CallPulseKit
import Foundation

/// `callpulse export CAMPAIGN`: the results as CSV for the client, with an optional codebook.
public struct ExportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a campaign's interviews (or call attempts) as CSV for the client.",
        usage: CommandUsage.wrapped("callpulse export [--db <DB>] <campaign> [--out <FILE>] [--excel] [--calls] [--codebook <FILE>] [--since <YYYY-MM-DD[ HH:MM]>] [--include-partials] [--no-pii]"),
        discussion: """
            One row per complete interview: ids, the contact's imported fields, agent, language, start, \
            end, duration, final AAPOR disposition, one column per question in script order, and notes. \
            Scales and numbers are numbers, yes/no is 1/0, choices are codes (several separated by \
            spaces), free text is verbatim; DK = don't know, REF = refused, SKIP = asked but not \
            answered, empty = not asked. The file is readable by its owner only and appears only when \
            complete. Text starting with = + - @ TAB or CR gets a leading ' so no spreadsheet runs it.
            """)

    @OptionGroup public var database: DatabaseOptions
    @Argument(help: "The campaign id.") public var campaign: String
    @Option(help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
    public var out: String?
    @Flag(help: "Excel in Finnish and most European locales: ';', UTF-8 with BOM, decimal comma.")
    public var excel = false
    @Flag(help: "One row per call attempt instead (time, agent, outcome, AAPOR code): the paradata.")
    public var calls = false
    @Option(help: ArgumentHelp("Also write the codebook (variables, types, texts, value labels) here.", valueName: "FILE"))
    public var codebook: String?
    @Option(help: ArgumentHelp("Only interviews ended (calls made) from this time, in the campaign's zone.",
                               valueName: "YYYY-MM-DD[ HH:MM]"))
    public var since: String?
    @Flag(help: "Also export broken-off interviews (partials and break-offs).") public var includePartials = false
    @Flag(help: "Leave out phone, names, imported contact fields and notes.") public var noPii = false

    public init() {}

    public func validate() throws {
        if let out, let codebook, Self.samePath(out, codebook) { throw ValidationError(ExportError.sameFile(out).localizedDescription) }
        if out == "-" || codebook == "-" { throw ValidationError("write to standard output by leaving out --out; --codebook needs a file") }
    }

    public func run() throws {
        let db = try database.open()
        var options = ExportOptions()
        options.dialect = excel ? .excel : .rfc4180
        options.includePartials = includePartials
        options.includePersonalData = !noPii
        var exporter = try CampaignExporter(database: db, campaignID: campaign, options: options)
        if let since { exporter.options.since = try ExportTimeParser.parse(since, timeZone: exporter.timeZone) }
        let bookWriter = try codebook.map { try CSVWriter(path: $0, dialect: options.dialect) }
        let writer = try out.map { try CSVWriter(path: $0, dialect: options.dialect) } ?? CSVWriter(standardOutput: options.dialect)
        let rows: Int
        do {
            if let bookWriter {
                if calls { try exporter.callCodebook.forEach { try bookWriter.writeRow(texts: $0) } } else { try exporter.codebook.write(to: bookWriter) }
            }
            rows = calls ? try exporter.writeCalls(to: writer) : try exporter.writeInterviews(to: writer)
            try bookWriter?.finish()
            try writer.finish()
        } catch {
            bookWriter?.discard()
            writer.discard()
            throw error
        }
        let what = calls ? "call attempt" : "interview"
        let summary = "Wrote \(rows) \(what)\(rows == 1 ? "" : "s") of \(campaign) to \(out ?? "standard output")"
            + (codebook.map { "; codebook in \($0)" } ?? "") + "."
        if out == nil { Terminal.printError(summary) } else { print(summary) }
    }

    /// Whether two paths name the same file (compared after resolving `.` and `..`).
    static func samePath(_ first: String, _ second: String) -> Bool {
        URL(fileURLWithPath: first).standardizedFileURL.path == URL(fileURLWithPath: second).standardizedFileURL.path
    }
}
