import Foundation

/// B4 and P4: `callpulse export big` on a database, alternated with a peer writing the same rows.
struct ExportRuns {
    var ours: [Spawn.Result] = []
    var peer: [Spawn.Result] = []
    /// The interviews in the file `callpulse export` wrote.
    var rows = 0

    var ourTime: Double { Stats.median(ours.map(\.seconds)) }
    var peerTime: Double { Stats.median(peer.map(\.seconds)) }
    var ourPeak: Double { ours.map(\.peakMiB).max() ?? 0 }
    var peerPeak: Double { peer.map(\.peakMiB).max() ?? 0 }

    /// Runs both `runs` times; `peerRun` runs the peer and throws when it fails.
    init(context: BenchContext, scenario: String, db: String, runs: Int, peerRun: () throws -> Spawn.Result) throws {
        let out = context.file("\(scenario.lowercased())-export.csv")
        for run in 0..<runs {
            print("\(scenario) export, run \(run + 1) of \(runs) …")
            unlink(out)
            let result = try Spawn.run(context.callpulse, ["export", "big", "--out", out, "--db", db], peakMemory: true)
            guard result.status == 0 else { throw BenchError("callpulse export (\(scenario)) failed") }
            ours.append(result)
            peer.append(try peerRun())
        }
        rows = ((try? Data(contentsOf: URL(fileURLWithPath: out)))?.reduce(0) { $1 == 10 ? $0 + 1 : $0 } ?? 1) - 1
        unlink(out)
    }
}
