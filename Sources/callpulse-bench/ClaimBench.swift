import ArgumentParser
import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import CallPulseSystem
import Foundation
import GRDB

/// B2: claim the next contact and record a no-answer on a campaign of 1,000,000 contacts:
/// (a) 1, 8 and 32 processes in closed loops, beside plain one-row UPDATE commits with the same
/// durability on the same file; (b) 32 processes offering a paced 500 claims per second together.
struct ClaimBench {
    let context: BenchContext
    let seconds: Double

    func run(into table: inout ReportTable) throws {
        let path = context.file("b2.sqlite")
        try makeCampaign(path)
        for processes in [1, 8, 32] {
            print("B2a \(processes) processes, closed loop …")
            let claims = try runWorkers(path: path, processes: processes, rate: 0, tag: "a\(processes)")
            let updates = try runUpdates(path: path, processes: processes)
            let claimRate = Double(claims.count) / seconds
            let updateRate = Double(updates) / seconds
            table.add("B2a", "claim + no-answer, \(processes) process\(processes == 1 ? "" : "es"): throughput",
                      String(format: "%.0f /s", claimRate), peer: String(format: "UPDATE commits %.0f /s", updateRate),
                      ratio: ReportTable.times(claimRate / updateRate) + " of UPDATE", target: "report")
        }
        print("B2b 32 processes, paced 500 claims/s together …")
        let paced = try runWorkers(path: path, processes: 32, rate: 500.0 / 32, tag: "b")
        table.add("B2b", "32 processes at 500 claims/s: p50 / p99 latency",
                  "\(ReportTable.millis(Stats.median(paced))) / \(ReportTable.millis(Stats.percentile(paced, 99)))",
                  target: "p99 < 20 ms")
        // The same offered load from 8 processes: what the process count alone does to the tail.
        print("B2b 8 processes, paced 500 claims/s together …")
        let fewer = try runWorkers(path: path, processes: 8, rate: 500.0 / 8, tag: "b8")
        table.add("B2b", "… the same 500 claims/s from 8 processes: p50 / p99 latency",
                  "\(ReportTable.millis(Stats.median(fewer))) / \(ReportTable.millis(Stats.percentile(fewer, 99)))",
                  target: "report")
        let twice = try servedTwice(path)
        table.add("B2b", "contacts served twice (whole B2 run, \(try callCount(path)) calls)", String(twice), target: "0")
    }

    /// A campaign that may call at any hour, with `rows` fresh contacts inserted in one transaction.
    private func makeCampaign(_ path: String) throws {
        context.removeDatabase(path)
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"
        let created = try Spawn.run(context.callpulse, [
            "campaign", "create", "b2", "--script", script, "--client", "Bench",
            "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--quarantine-days", "0", "--db", path,
        ])
        guard created.status == 0 else { throw BenchError("cannot create the B2 campaign") }
        let db = try AppDatabase.open(path: path)
        try db.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, language, timeZone, fields, status, attempts)
                SELECT 'b2', '+35840' || printf('%07d', i), 'FI', 'Bench ' || i, 'Bench', 'fi', 'Europe/Helsinki', '{}', 'new', 0 FROM n
                """, arguments: [context.rows])
        }
    }

    /// Starts `processes` claim workers together; returns every claim's latency in seconds.
    ///
    /// Paced workers start a slot apart (2 ms for 32 × 15.6/s), so together they offer a steady
    /// 500 claims a second, as agents finishing calls at their own moments do. Started in step,
    /// all 32 would claim in the same millisecond every 64 ms: bursts of 32, not 500/s.
    private func runWorkers(path: String, processes: Int, rate: Double, tag: String) throws -> [Double] {
        let startAt = Date().timeIntervalSince1970 + 1.0
        var pids: [pid_t] = []
        var outputs: [String] = []
        for index in 0..<processes {
            let phase = rate > 0 ? Double(index) / (rate * Double(processes)) : 0
            let output = context.file("b2-\(tag)-\(index).txt")
            outputs.append(output)
            pids.append(try Spawn.start(context.bench, [
                "claim-worker", "--db", path, "--campaign", "b2", "--agent", "bench\(index)", "--seconds", String(seconds),
                "--rate", String(rate), "--start-at", String(startAt + phase), "--output", output,
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
    private func runUpdates(path: String, processes: Int) throws -> Int {
        let startAt = Date().timeIntervalSince1970 + 1.0
        var pids: [pid_t] = []
        var outputs: [String] = []
        for index in 0..<processes {
            let output = context.file("b2-update-\(index).txt")
            outputs.append(output)
            pids.append(try Spawn.start(context.bench, [
                "update-worker", "--db", path, "--seconds", String(seconds), "--start-at", String(startAt),
                "--rows", String(context.rows), "--output", output,
            ]))
        }
        for pid in pids where Spawn.wait(pid) != 0 { throw BenchError("an update worker failed") }
        return try outputs.reduce(0) { total, output in
            defer { unlink(output) }
            return total + (Int(try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
        }
    }

    private func servedTwice(_ path: String) throws -> Int {
        try AppDatabase.open(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT contactId FROM call GROUP BY contactId HAVING count(*) > 1)") ?? 0
        }
    }

    private func callCount(_ path: String) throws -> Int {
        try AppDatabase.open(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM call") ?? 0 }
    }
}

extension BenchCommand {
    /// One console-like process: claim the next contact and record a no-answer, in a closed loop or paced.
    struct ClaimWorker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "claim-worker", abstract: "(internal) B2 worker.")
        @Option var db: String
        @Option var campaign: String
        @Option var agent: String
        @Option var seconds: Double
        @Option var rate: Double = 0
        @Option var startAt: Double
        @Option var output: String

        func run() throws {
            let database = try AppDatabase.open(path: db)
            var queue = ContactQueue(store: database, campaignID: campaign, agent: agent)
            _ = try queue.claimNext(now: unixNow()).releasedForWarmUp(database, agent: agent)
            while Date().timeIntervalSince1970 < startAt { usleep(1000) }
            let end = monotonicSeconds() + seconds
            var latencies: [Double] = []
            var next = monotonicSeconds()
            while monotonicSeconds() < end {
                if rate > 0 {
                    let wait = next - monotonicSeconds()
                    if wait > 0 { usleep(useconds_t(wait * 1e6)) }
                    next += 1 / rate
                }
                let start = monotonicSeconds()
                if case let .claimed(claimed) = try queue.claimNext(now: unixNow()) {
                    try database.recordCall(contactID: claimed.contact.id!, holder: queue.holder, startedAt: unixNow(),
                                            result: CallResult(outcome: .noAnswer), now: unixNow())
                }
                latencies.append(monotonicSeconds() - start)
            }
            try latencies.map { String($0) }.joined(separator: "\n").write(toFile: output, atomically: true, encoding: .utf8)
        }
    }

    /// The baseline: one-row UPDATE commits with the same durability on the same file.
    struct UpdateWorker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update-worker", abstract: "(internal) B2 baseline.")
        @Option var db: String
        @Option var seconds: Double
        @Option var startAt: Double
        @Option var rows: Int
        @Option var output: String

        func run() throws {
            let database = try AppDatabase.open(path: db)
            while Date().timeIntervalSince1970 < startAt { usleep(1000) }
            let end = monotonicSeconds() + seconds
            var count = 0
            while monotonicSeconds() < end {
                let id = Int64.random(in: 1...Int64(rows))
                try database.write { try $0.execute(sql: "UPDATE contact SET leaseUntil = leaseUntil WHERE id = ?", arguments: [id]) }
                count += 1
            }
            try String(count).write(toFile: output, atomically: true, encoding: .utf8)
        }
    }
}

private extension ClaimResult {
    /// The first claim opens the connection and warms the caches; it is given back untouched.
    func releasedForWarmUp(_ database: AppDatabase, agent: String) throws -> Self {
        if case let .claimed(claimed) = self {
            try database.releaseContact(contactID: claimed.contact.id!, holder: LeaseHolder(agent: agent))
        }
        return self
    }
}
