import Foundation

/// Runs claim workers (`claim-worker`) and UPDATE workers (`update-worker`) as separate processes
/// on one campaign, SQLite file or PostgreSQL address alike, and collects what they measured.
struct ClaimWorkers {
    let context: BenchContext
    let seconds: Double
    /// The database: an SQLite file or a PostgreSQL address.
    let address: String
    let campaign: String

    /// Seconds between starting the workers and their common start: enough for every process to
    /// start, connect and make its warm-up claim, also when 128 of them share 2 cores.
    private func startAt(_ processes: Int) -> Double {
        Date().timeIntervalSince1970 + max(1.0, Double(processes) * 0.05)
    }

    /// Starts `processes` claim workers together; returns every claim's latency in seconds.
    ///
    /// Paced workers start a slot apart (2 ms for 32 × 15.6/s), so together they offer a steady
    /// `rate × processes` claims a second, as agents finishing calls at their own moments do.
    /// Started in step, they would all claim in the same millisecond: bursts, not a steady rate.
    func claims(processes: Int, rate: Double, tag: String) throws -> [Double] {
        let startAt = startAt(processes)
        var pids: [pid_t] = []
        var outputs: [String] = []
        for index in 0..<processes {
            let phase = rate > 0 ? Double(index) / (rate * Double(processes)) : 0
            let output = context.file("\(campaign)-\(tag)-\(index).txt")
            outputs.append(output)
            pids.append(try Spawn.start(context.bench, [
                "claim-worker", "--db", address, "--campaign", campaign, "--agent", "bench\(index)",
                "--seconds", String(seconds), "--rate", String(rate), "--start-at", String(startAt + phase),
                "--output", output,
            ]))
        }
        for pid in pids where Spawn.wait(pid) != 0 { throw BenchError("a claim worker failed") }
        var latencies: [Double] = []
        for output in outputs {
            let text = try String(contentsOfFile: output, encoding: .utf8)
            latencies += text.split(separator: "\n").compactMap { Double($0) }
            unlink(output)
        }
        return latencies
    }

    /// Plain one-row UPDATE commits by `processes` processes in closed loops; returns the total count.
    func updates(processes: Int) throws -> Int {
        let startAt = startAt(processes)
        var pids: [pid_t] = []
        var outputs: [String] = []
        for index in 0..<processes {
            let output = context.file("\(campaign)-update-\(index).txt")
            outputs.append(output)
            pids.append(try Spawn.start(context.bench, [
                "update-worker", "--db", address, "--seconds", String(seconds), "--start-at", String(startAt),
                "--rows", String(context.rows), "--output", output,
            ]))
        }
        for pid in pids where Spawn.wait(pid) != 0 { throw BenchError("an update worker failed") }
        return try outputs.reduce(0) { total, output in
            defer { unlink(output) }
            return total + (Int(try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
        }
    }
}
