import CallPulseSQLite
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
        try ClaimCampaign.makeSQLite("b2", path: path, context: context)
        let workers = ClaimWorkers(context: context, seconds: seconds, address: path, campaign: "b2")
        try workers.closedLoopRows([1, 8, 32], scenario: "B2a", engine: "", into: &table)
        try workers.pacedRows(rate: 500, processes: 32, comparison: 8, scenario: "B2b", engine: "", into: &table)
        let twice = try servedTwice(path)
        table.add("B2b", "contacts served twice (whole B2 run, \(try callCount(path)) calls)", String(twice), target: "0")
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
