import Foundation

/// P1: import the B1 call list (1,000,000 dirty rows) into a new campaign on PostgreSQL, beside
/// the Python peer (which writes SQLite only: `peer_import.py` knows no other engine, so it runs
/// as in B1) and `psql`'s `\copy` of the raw file into a plain table (no validation, no dedup).
struct PostgresImportBench {
    let context: BenchContext
    let server: BenchPostgresServer

    func run(into table: inout ReportTable) throws {
        let list = try context.callList()
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"
        try server.recreate("p1")
        let ours = server.address("p1")
        let created = try Spawn.run(context.callpulse, ["campaign", "create", "p1", "--script", script, "--client", "Bench",
                                                        "--db", ours])
        guard created.status == 0 else { throw BenchError("cannot create the P1 campaign on PostgreSQL") }
        print("P1 callpulse import into PostgreSQL …")
        let callPulse = try Spawn.run(context.callpulse, ["import", "p1", list, "--db", ours], peakMemory: true)
        guard callPulse.status == 0 else { throw BenchError("callpulse import (PostgreSQL) failed:\n\(callPulse.output)") }

        let python = try ImportBench(context: context).pythonPeer()

        try server.recreate("p1_copy")
        let plain = server.address("p1_copy")
        try server.psql(plain, "CREATE TABLE calllist (phone TEXT, name TEXT, company TEXT, language TEXT, "
            + "customer_id TEXT, segment TEXT, touchpoint TEXT)")
        print("P1 psql \\copy of the raw file …")
        let copy = try Spawn.run("psql", [plain, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                                          "\\copy calllist FROM '\(list)' WITH (FORMAT csv, HEADER true)"])
        guard copy.status == 0 else { throw BenchError("psql \\copy of the call list failed") }

        let imported = ImportBench.importedCount(callPulse.output)
        table.add("P1", "import \(context.rows.formatted()) rows into PostgreSQL: wall (\(imported) imported; "
                      + "peer, into SQLite as in B1: \(python.output.trimmingCharacters(in: .whitespacesAndNewlines)))",
                  ReportTable.seconds(callPulse.seconds), peer: "Python \(ReportTable.seconds(python.seconds))",
                  ratio: ReportTable.times(python.seconds / callPulse.seconds) + " faster", target: "≥ 4× faster")
        table.add("P1", "import into PostgreSQL: peak memory (callpulse alone; the server's own not counted)",
                  ReportTable.mib(callPulse.peakMiB), peer: "Python \(ReportTable.mib(python.peakMiB))", target: "report")
        table.add("P1", "import vs psql's raw `\\copy` into a plain table (no validation)", ReportTable.seconds(callPulse.seconds),
                  peer: "psql \(ReportTable.seconds(copy.seconds))",
                  ratio: ReportTable.times(callPulse.seconds / copy.seconds) + " its time", target: "report")
    }
}
