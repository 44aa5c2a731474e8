import Foundation

/// P3 and P4 on the B3/B4 campaign (1,000,000 contacts, 250,000 complete interviews) moved onto
/// PostgreSQL (`PostgresTableLoad`): P3 times `callpulse stats big --json` beside the plain
/// GROUP BY queries in psql (`Benchmarks/stats/baseline-postgres.sql`); P4 times `callpulse export
/// big` beside psql's `\copy (query) TO STDOUT CSV` of the same rows (`export-baseline-postgres.sql`).
struct PostgresStatsExportBench {
    let context: BenchContext
    let server: BenchPostgresServer
    var statsRuns = 15
    var exportRuns = 3

    /// The campaign's database on the server, loaded once from the B3 file (kept with the server's
    /// data between runs; it gets its name only when the load is complete and checked).
    func database() throws -> String {
        if try server.exists("p3_big") { return server.address("p3_big") }
        let source = try StatsExportBench(context: context).database()
        try server.recreate("p3_building")
        print("P3/P4 loading the 1,000,000-contact campaign onto PostgreSQL …")
        try PostgresTableLoad(context: context, server: server).load(source, into: "p3_building", checking: "big")
        try server.rename("p3_building", to: "p3_big")
        return server.address("p3_big")
    }

    func run(into table: inout ReportTable, only selected: Set<String>) throws {
        let db = try database()
        if selected.contains("P3") { try stats(db, into: &table) }
        if selected.contains("P4") { try export(db, into: &table) }
    }

    private func sqlFile(_ name: String) -> String { context.repositoryRoot + "/Benchmarks/stats/" + name }

    private func stats(_ db: String, into table: inout ReportTable) throws {
        print("P3 stats --json on PostgreSQL …")
        let command = ["stats", "big", "--json", "--db", db]
        _ = try Spawn.run(context.callpulse, command) // the server's cache warm, as on a working day
        var ours: [Double] = [], plain: [Double] = []
        for run in 0..<statsRuns {
            let result = try Spawn.run(context.callpulse, command)
            guard result.status == 0 else { throw BenchError("callpulse stats (PostgreSQL) failed") }
            ours.append(result.seconds)
            if run < 3 {
                let queries = try Spawn.run("psql", [db, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", sqlFile("baseline-postgres.sql")])
                guard queries.status == 0 else { throw BenchError("baseline-postgres.sql failed") }
                plain.append(queries.seconds)
            }
        }
        table.add("P3", "PostgreSQL `stats --json`, 1M contacts / 250k interviews / 1.5M answers: median / p99 (\(statsRuns) runs)",
                  "\(ReportTable.seconds(Stats.median(ours))) / \(ReportTable.seconds(Stats.percentile(ours, 99)))",
                  peer: "plain GROUP BY queries in psql: \(ReportTable.seconds(Stats.median(plain)))",
                  ratio: ReportTable.times(Stats.median(plain) / Stats.median(ours)) + " faster", target: "median < 50 ms")
    }

    private func export(_ db: String, into table: inout ReportTable) throws {
        let runs = try ExportRuns(context: context, scenario: "P4", db: db, runs: exportRuns) {
            let copy = try Spawn.run("psql", [db, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", sqlFile("export-baseline-postgres.sql")],
                                     keepOutput: false, peakMemory: true)
            guard copy.status == 0 else { throw BenchError("export-baseline-postgres.sql failed") }
            return copy
        }
        table.add("P4", "PostgreSQL `export` of that campaign (\(runs.rows.formatted()) interviews): wall, median of \(exportRuns)",
                  ReportTable.seconds(runs.ourTime),
                  peer: "psql `\\copy (query) TO STDOUT CSV` of the same rows: \(ReportTable.seconds(runs.peerTime))",
                  ratio: ReportTable.times(runs.ourTime / runs.peerTime) + " its time", target: "≤ 1.5×")
        table.add("P4", "PostgreSQL export: peak memory (callpulse alone; the server's own not counted)",
                  ReportTable.mib(runs.ourPeak), peer: "psql \(ReportTable.mib(runs.peerPeak))", target: "< 64 MiB")
    }
}
