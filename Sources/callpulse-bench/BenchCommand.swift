import ArgumentParser
import CallPulseKit
import Foundation

/// `callpulse-bench`: measures CallPulse against its peers in one run and prints a table of figures
/// and ratios. It makes its own data. Run it with `swift run -c release callpulse-bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callpulse-bench",
        abstract: "Measure CallPulse beside its peers and print a table.",
        discussion: """
            SQLite: B1 import, B2 claims, B3 stats, B4 export, B5 console, B6 dialing; Q1 claims with \
            field quotas. PostgreSQL (a private server, or --pg): P1 import, P2 claims, P3 stats, \
            P4 export.
            """,
        subcommands: [Run.self, ClaimWorker.self, UpdateWorker.self],
        defaultSubcommand: Run.self
    )
}

extension BenchCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the scenarios (the default).")

        @Option(help: "Rows in the generated call list and contacts in the claim campaign.") var rows = 1_000_000
        @Option(help: "Scenarios to run, comma-separated (B1-B6, Q1, P1-P4).")
        var only = "B1,B2,B3,B4,B5,B6,Q1,P1,P2,P3,P4"
        @Option(help: "Seconds each claim run lasts.") var seconds = 5.0
        @Option(help: "B6: attempts per no-answer and busy run.") var phoneAttempts = 20
        @Option(help: "B6: answered calls timed from the answer event to the first question.") var phoneAnswers = 100
        @Option(help: "B6: seconds the no-answer calls ring before the console hangs up.") var ringSeconds = 2
        @Option(help: "Where generated files go.") var workDirectory = NSTemporaryDirectory() + "callpulse-bench"
        @Option(help: ArgumentHelp("The peers' folder (gen_calllist.py, peer_import.py); default: ../shared/bench "
            + "beside the checkout.", valueName: "DIR")) var peers: String?
        @Option(help: ArgumentHelp("P rows: a PostgreSQL server to use instead of a private one (the bench creates "
            + "its databases there).", valueName: "URI")) var pg: String?

        func run() throws {
            try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
            let context = try BenchContext(workDirectory: workDirectory, rows: rows, peers: peers)
            var table = ReportTable()
            do {
                try runScenarios(context, into: &table)
            } catch {
                // What was measured before the failure is still worth having.
                print("\n(stopped by an error: \(error); the rows measured before it)")
                print(table.markdown)
                throw error
            }
            print("")
            print(table.markdown)
        }

        private func runScenarios(_ context: BenchContext, into table: inout ReportTable) throws {
            let selected = Set(only.uppercased().split(separator: ",").map(String.init))
            print("CallPulse bench on \(MachineDescription.text)")
            if selected.contains("B1") { try ImportBench(context: context).run(into: &table) }
            if selected.contains("B2") { try ClaimBench(context: context, seconds: seconds).run(into: &table) }
            if !selected.isDisjoint(with: ["B3", "B4"]) { try StatsExportBench(context: context).run(into: &table, only: selected) }
            if selected.contains("B5") { try ConsoleBench(context: context).run(into: &table) }
            if selected.contains("B6") {
                try PhoneBench(context: context, attempts: phoneAttempts, answers: phoneAnswers, ringSeconds: ringSeconds)
                    .run(into: &table)
            }
            if selected.contains("Q1") { try QuotaClaimBench(context: context, seconds: seconds).run(into: &table) }
            if !selected.isDisjoint(with: ["P1", "P2", "P3", "P4"]) { try runPostgres(context, selected, into: &table) }
        }
    }
}

extension BenchCommand.Run {
    /// The P rows on the server `--pg` names, or on a private one started for them and stopped after.
    private func runPostgres(_ context: BenchContext, _ selected: Set<String>, into table: inout ReportTable) throws {
        let server = try pg.map { BenchPostgresServer(uri: $0) } ?? BenchPostgresServer(folder: context.file("pg"))
        defer { server.stop() }
        print("PostgreSQL \(server.version())")
        if selected.contains("P1") { try PostgresImportBench(context: context, server: server).run(into: &table) }
        if selected.contains("P2") {
            try PostgresClaimBench(context: context, server: server, seconds: seconds).run(into: &table)
        }
        if !selected.isDisjoint(with: ["P3", "P4"]) {
            try PostgresStatsExportBench(context: context, server: server).run(into: &table, only: selected)
        }
    }
}

/// Paths and tools every scenario needs.
struct BenchContext {
    let workDirectory: String
    let rows: Int
    /// The release `callpulse` built beside this bench.
    let callpulse: String
    /// The bench's own executable, started again as worker processes.
    let bench: String
    /// `../shared/bench` beside the checkout: the call-list generator and the peers.
    let peers: String

    init(workDirectory: String, rows: Int, peers: String? = nil) throws {
        self.workDirectory = workDirectory
        self.rows = rows
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        bench = executable.path
        callpulse = executable.deletingLastPathComponent().appendingPathComponent("callpulse").path
        guard FileManager.default.isExecutableFile(atPath: callpulse) else {
            throw BenchError("no callpulse beside the bench at \(callpulse); build both: swift build -c release")
        }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        self.peers = peers ?? root.deletingLastPathComponent().appendingPathComponent("shared/bench").path
        self.repositoryRoot = root.path
    }

    let repositoryRoot: String
    /// Results one scenario measures and another reuses within the run.
    let memo = Memo()

    /// Results shared between scenarios in one run (the Python import peer takes minutes).
    final class Memo {
        var pythonImport: Spawn.Result?
    }

    func file(_ name: String) -> String { workDirectory + "/" + name }

    /// Generates (once) the call list `gen_calllist.py ROWS FILE --dirty` makes.
    func callList() throws -> String {
        let path = file("calllist-\(rows).csv")
        if FileManager.default.fileExists(atPath: path) { return path }
        print("generating \(rows) rows with gen_calllist.py …")
        let result = try Spawn.run("python3", [peers + "/gen_calllist.py", String(rows), path, "--dirty"])
        guard result.status == 0 else { throw BenchError("gen_calllist.py failed") }
        return path
    }

    func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
