import CallPulseSQLite
import Foundation
import GRDB

/// Q1 (issue 16): what field quotas cost a claim on SQLite. One campaign of `rows` contacts spread
/// over 20 regions (`region` r00…r19 in the call-list fields), claimed as in B2 (claim + no-answer,
/// 8 processes: closed loop for throughput, 500 claims/s paced for latency) four times: without
/// quotas, with 20 quota groups `region = rNN` far from full (normal running), with one of them
/// full (target 0, so its contacts are passed over), and without quotas again; the baseline is
/// the mean of the two runs without, as the shared machine's speed drifts.
struct QuotaClaimBench {
    let context: BenchContext
    let seconds: Double
    let processes = 8

    func run(into table: inout ReportTable) throws {
        let path = context.file("q1.sqlite")
        try makeCampaign(path)
        let workers = ClaimWorkers(context: context, seconds: seconds, address: path, campaign: "q1")
        print("Q1 without quotas …")
        let before = try measure(workers, tag: "none")
        for group in 0..<20 { try setQuota(path, group: group, target: context.rows) }
        print("Q1 with 20 quota groups, none full …")
        let quotas = try measure(workers, tag: "open")
        try setQuota(path, group: 0, target: 0)
        print("Q1 with 20 quota groups, one full …")
        let full = try measure(workers, tag: "full")
        for group in 0..<20 { try removeQuota(path, group: group) }
        // Without quotas once more, so a drift of the shared machine during the runs shows.
        print("Q1 without quotas again …")
        let after = try measure(workers, tag: "again")
        let plain = Figures(rate: (before.rate + after.rate) / 2, paced: before.paced + after.paced)

        let rates = "no quotas: \(String(format: "%.0f /s", plain.rate)) (before \(String(format: "%.0f", before.rate)), "
            + "after \(String(format: "%.0f", after.rate)))"
        let latencies = "no quotas: \(ReportTable.p50p99(plain.paced))"
        table.add("Q1", "SQLite claim + no-answer, \(processes) processes, 20 field-quota groups (none full): throughput",
                  String(format: "%.0f /s", quotas.rate), peer: rates,
                  ratio: ReportTable.times(plain.rate / quotas.rate) + " slower", target: "within 1.2×")
        table.add("Q1", "… the same at 500 claims/s paced: p50 / p99 latency", ReportTable.p50p99(quotas.paced),
                  peer: latencies, ratio: ReportTable.times(quotas.p99 / plain.p99) + " the p99", target: "within 1.2×")
        table.add("Q1", "… one of the 20 groups full (its contacts passed over): throughput", String(format: "%.0f /s", full.rate),
                  peer: rates, ratio: ReportTable.times(plain.rate / full.rate) + " slower", target: "report")
        table.add("Q1", "… one group full, at 500 claims/s paced: p50 / p99 latency", ReportTable.p50p99(full.paced),
                  peer: latencies, ratio: ReportTable.times(full.p99 / plain.p99) + " the p99", target: "report")
    }

    private struct Figures {
        /// Closed-loop claims a second.
        var rate: Double
        /// Latencies of the paced run.
        var paced: [Double]
        var p99: Double { Stats.percentile(paced, 99) }
    }

    private func measure(_ workers: ClaimWorkers, tag: String) throws -> Figures {
        let closed = try workers.claims(processes: processes, rate: 0, tag: tag + "-closed")
        let paced = try workers.claims(processes: processes, rate: 500.0 / Double(processes), tag: tag + "-paced")
        return Figures(rate: Double(closed.count) / seconds, paced: paced)
    }

    private func removeQuota(_ path: String, group: Int) throws {
        let name = String(format: "region-r%02d", group)
        let result = try Spawn.run(context.callpulse, ["campaign", "quota", "remove", "q1", name, "--db", path])
        guard result.status == 0 else { throw BenchError("cannot remove the Q1 quota \(name)") }
    }

    private func setQuota(_ path: String, group: Int, target: Int) throws {
        let region = String(format: "r%02d", group)
        let result = try Spawn.run(context.callpulse, ["campaign", "quota", "add", "q1", "region-\(region)",
                                                       "--where", "region = \(region)", "--target", String(target),
                                                       "--db", path])
        guard result.status == 0 else { throw BenchError("cannot set the Q1 quota region-\(region)") }
    }

    /// The B2 campaign with its contacts in 20 regions, the field named as an import names it.
    private func makeCampaign(_ path: String) throws {
        try ClaimCampaign.makeSQLite("q1", path: path, context: context, fields: "json_object('region', printf('r%02d', i % 20))")
        // What an import of a list with a region column records: quotas may name the field.
        try AppDatabase.open(path: path).write { try $0.execute(sql: "UPDATE campaign SET fields = '[\"region\"]' WHERE id = 'q1'") }
    }
}
