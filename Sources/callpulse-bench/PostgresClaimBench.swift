import Foundation

/// P2: claim the next contact and record a no-answer on a PostgreSQL campaign of `rows` contacts,
/// every worker its own process and connection over TCP: (a) 1, 8, 32 and 128 processes in closed
/// loops, beside plain one-row UPDATE commits on the same server; (b) 64 processes offering a paced
/// 200 claims a second together: latency, and contacts served twice over the whole run.
struct PostgresClaimBench {
    let context: BenchContext
    let server: BenchPostgresServer
    let seconds: Double

    func run(into table: inout ReportTable) throws {
        let address = try makeCampaign()
        let workers = ClaimWorkers(context: context, seconds: seconds, address: address, campaign: "p2")
        try workers.closedLoopRows([1, 8, 32, 128], scenario: "P2a", engine: "PostgreSQL ", into: &table)
        try workers.pacedRows(rate: 200, processes: 64, comparison: 8, scenario: "P2b", engine: "PostgreSQL, ",
                              into: &table)
        let twice = try server.psql(address, "SELECT count(*) FROM (SELECT contactId FROM call GROUP BY contactId HAVING count(*) > 1) t")
        let calls = try server.psql(address, "SELECT count(*) FROM call")
        table.add("P2b", "PostgreSQL contacts served twice (whole P2 run, \(calls) calls)", twice, target: "0")
    }

    /// The B2 campaign, built in SQLite and loaded onto a new PostgreSQL database.
    private func makeCampaign() throws -> String {
        let built = context.file("p2.sqlite")
        try ClaimCampaign.makeSQLite("p2", path: built, context: context)
        try server.recreate("p2")
        print("P2 loading the \(context.rows.formatted())-contact campaign onto PostgreSQL …")
        try PostgresTableLoad(context: context, server: server).load(built, into: "p2", checking: "p2")
        context.removeDatabase(built)
        return server.address("p2")
    }
}
