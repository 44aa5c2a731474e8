import ArgumentParser
import CallPulseDomain
import CallPulseKit
import CallPulseStore
import CallPulseSystem

/// `callpulse db`: moving a center's data between engines.
public struct DbCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Move a CallPulse database onto another engine.",
        subcommands: [Copy.self]
    )

    public init() {}

    /// `callpulse db copy --from FILE.sqlite --to postgresql://…`.
    public struct Copy: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy every campaign, contact, call, interview, answer, follow-up, do-not-call entry, quota and "
                + "audit line into an empty database, then check the copy.",
            discussion: """
                Stop the consoles first (or pause the campaigns): the copy reads one snapshot of the source. The target \
                must hold no campaign; it is written in one transaction, so a failed copy leaves it as it was. The copy \
                checks itself before it says done: every table's row count and each campaign's `stats --json` must be \
                equal on both sides.
                """)
        @Option(help: ArgumentHelp("The database to copy from.", valueName: "ADDRESS")) public var from: String
        @Option(help: ArgumentHelp("The empty database to copy into (a PostgreSQL URI or keyword string, or a new file).",
                                   valueName: "ADDRESS")) public var to: String
        public init() {}

        public func run() throws {
            guard let source = try StoreOpener.open(from, creating: false) as? any CallPulseStore & CopySource else {
                throw ValidationError("db copy reads from an SQLite file (--from); a server cannot be the source yet")
            }
            guard let target = try StoreOpener.open(to, creating: true) as? any CallPulseStore & CopyTarget else {
                throw ValidationError("db copy cannot write into the --to database")
            }
            let report = try StoreCopier(source: source, target: target).copy(now: unixNow())
            for row in report.rows { print("\(row.table): \(row.count)") }
            print("Copied \(Plural.of(report.campaigns.count, "campaign")) from \(source.location) to \(target.location); "
                + "row counts and stats --json checked equal on both sides.")
        }
    }
}
