import ArgumentParser
import CallPulseKit
import Foundation

/// `callpulse-bench`: measures CallPulse against its peers in one run and prints a table of figures
/// and ratios. It makes its own data. Run it with `swift run -c release callpulse-bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callpulse-bench",
        abstract: "Measure CallPulse beside its peers (B1 import, B2 claims, B3 stats, B4 export, B5 console, B6 dialing) and print a table.",
        subcommands: [Run.self, ClaimWorker.self, UpdateWorker.self],
        defaultSubcommand: Run.self
    )
}

extension BenchCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the scenarios (the default).")

        @Option(help: "Rows in the generated call list and contacts in the claim campaign.") var rows = 1_000_000
        @Option(help: "Scenarios to run, comma-separated (B1,B2,B3,B4,B5,B6).") var only = "B1,B2,B3,B4,B5,B6"
        @Option(help: "Seconds each claim run lasts.") var seconds = 5.0
        @Option(help: "B6: attempts per no-answer and busy run.") var phoneAttempts = 20
        @Option(help: "B6: answered calls timed from the answer event to the first question.") var phoneAnswers = 100
        @Option(help: "B6: seconds the no-answer calls ring before the console hangs up.") var ringSeconds = 2
        @Option(help: "Where generated files go.") var workDirectory = NSTemporaryDirectory() + "callpulse-bench"

        func run() throws {
            try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
            let context = try BenchContext(workDirectory: workDirectory, rows: rows)
            var table = ReportTable()
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
            print("")
            print(table.markdown)
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

    init(workDirectory: String, rows: Int) throws {
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
        peers = root.deletingLastPathComponent().appendingPathComponent("shared/bench").path
        self.repositoryRoot = root.path
    }

    let repositoryRoot: String

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
