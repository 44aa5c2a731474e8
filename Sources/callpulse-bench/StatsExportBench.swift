import Foundation

/// B3 and B4 on one synthetic campaign of 1,000,000 contacts, 750,000 calls, 250,000 complete
/// interviews, 1,500,000 answers and 50,000 open follow-ups (`Benchmarks/stats/make-campaign.sql`):
/// B3 times `callpulse stats big --json` beside the plain GROUP BY queries in the sqlite3 shell;
/// B4 times `callpulse export big` beside the sqlite3 shell writing the same rows with `.mode csv`.
struct StatsExportBench {
    let context: BenchContext
    /// Runs of `stats --json` (the shell's scans take seconds each: five of them).
    var statsRuns = 31
    var exportRuns = 3

    /// The campaign database, built once per work directory (about a minute, 360 MB).
    func database() throws -> String {
        let path = context.file("b3-big.sqlite")
        if FileManager.default.fileExists(atPath: path) { return path }
        print("B3/B4 building the 1,000,000-contact campaign …")
        let partial = path + ".building"
        context.removeDatabase(partial)
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"
        let created = try Spawn.run(context.callpulse, ["campaign", "create", "big", "--script", script, "--client", "Bench",
                                                        "--db", partial])
        guard created.status == 0 else { throw BenchError("cannot create the B3 campaign") }
        let filled = try Spawn.run("sqlite3", [partial], stdin: sqlFile("make-campaign.sql"))
        guard filled.status == 0 else { throw BenchError("make-campaign.sql failed") }
        _ = try Spawn.run("sqlite3", [partial, "PRAGMA wal_checkpoint(TRUNCATE);"])
        guard rename(partial, path) == 0 else { throw BenchError("cannot rename \(partial)") }
        context.removeDatabase(partial)
        unlink(partial + "-writer.lock")
        return path
    }

    func sqlFile(_ name: String) -> String { context.repositoryRoot + "/Benchmarks/stats/" + name }

    func run(into table: inout ReportTable, only selected: Set<String>) throws {
        let db = try database()
        if selected.contains("B3") { try stats(db, into: &table) }
        if selected.contains("B4") { try export(db, into: &table) }
    }

    private func stats(_ db: String, into table: inout ReportTable) throws {
        print("B3 stats --json …")
        let command = ["stats", "big", "--json", "--db", db]
        _ = try Spawn.run(context.callpulse, command) // the page cache warm, as on a working day
        var ours: [Double] = [], startUp: [Double] = [], shell: [Double] = []
        for run in 0..<statsRuns {
            let result = try Spawn.run(context.callpulse, command)
            guard result.status == 0 else { throw BenchError("callpulse stats failed") }
            ours.append(result.seconds)
            startUp.append(try Spawn.run(context.callpulse, ["--version"]).seconds)
            if run < 5 { shell.append(try Spawn.run("sqlite3", [db], stdin: sqlFile("baseline.sql")).seconds) }
        }
        table.add("B3", "`stats --json`, 1M contacts / 250k interviews / 1.5M answers: median / p99 (\(statsRuns) runs)",
                  "\(ReportTable.seconds(Stats.median(ours))) / \(ReportTable.seconds(Stats.percentile(ours, 99)))",
                  peer: "plain GROUP BY queries in the sqlite3 shell: \(ReportTable.seconds(Stats.median(shell)))",
                  ratio: ReportTable.times(Stats.median(shell) / Stats.median(ours)) + " faster", target: "median < 50 ms")
        table.add("B3", "… of which process start-up (`callpulse --version`): median", ReportTable.seconds(Stats.median(startUp)),
                  target: "report")
    }

    private func export(_ db: String, into table: inout ReportTable) throws {
        let runs = try ExportRuns(context: context, scenario: "B4", db: db, runs: exportRuns) {
            try Spawn.run("sqlite3", [db], stdin: sqlFile("export-baseline.sql"), peakMemory: true)
        }
        table.add("B4", "`export` of that campaign (\(runs.rows.formatted()) interviews): wall, median of \(exportRuns)",
                  ReportTable.seconds(runs.ourTime), peer: "sqlite3 `.mode csv` of the same rows: \(ReportTable.seconds(runs.peerTime))",
                  ratio: ReportTable.times(runs.ourTime / runs.peerTime) + " its time", target: "≤ 1.5×")
        table.add("B4", "export: peak memory", ReportTable.mib(runs.ourPeak), peer: "sqlite3 \(ReportTable.mib(runs.peerPeak))",
                  target: "< 64 MiB")
    }
}
