import CallPulseSQLite
import Foundation
import GRDB

/// The campaigns the claim scenarios (B2, Q1, P2) run on: callable at any hour, no quarantine,
/// `rows` fresh contacts of the same shape, so the engines and the quota runs compare like with like.
enum ClaimCampaign {
    /// Creates campaign `id` at `address` (an SQLite file or a PostgreSQL address) with `callpulse`.
    static func create(_ id: String, at address: String, context: BenchContext) throws {
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"
        let created = try Spawn.run(context.callpulse, [
            "campaign", "create", id, "--script", script, "--client", "Bench",
            "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--quarantine-days", "0", "--db", address,
        ])
        guard created.status == 0 else { throw BenchError("cannot create the \(id) campaign at \(address)") }
    }

    /// A new SQLite file holding campaign `id` with `rows` fresh contacts inserted in one
    /// transaction; `fields` is the SQL of each contact's call-list fields (`i` numbers the contact).
    static func makeSQLite(_ id: String, path: String, context: BenchContext, fields: String = "'{}'") throws {
        context.removeDatabase(path)
        try create(id, at: path, context: context)
        let db = try AppDatabase.open(path: path)
        try db.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, language, timeZone, fields, status, attempts)
                SELECT ?, '+35840' || printf('%07d', i), 'FI', 'Bench ' || i, 'Bench', 'fi', 'Europe/Helsinki', \(fields), 'new', 0
                FROM n
                """, arguments: [context.rows, id])
        }
    }
}

extension ClaimWorkers {
    /// Closed-loop claims and UPDATE commits for each process count, one table row each.
    func closedLoopRows(_ counts: [Int], scenario: String, engine: String, into table: inout ReportTable) throws {
        for processes in counts {
            print("\(scenario) \(processes) processes, closed loop …")
            let claims = try self.claims(processes: processes, rate: 0, tag: "a\(processes)")
            let updates = try self.updates(processes: processes)
            let claimRate = Double(claims.count) / seconds
            let updateRate = Double(updates) / seconds
            table.add(scenario, "\(engine)claim + no-answer, \(processes) process\(processes == 1 ? "" : "es"): throughput",
                      String(format: "%.0f /s", claimRate), peer: String(format: "UPDATE commits %.0f /s", updateRate),
                      ratio: ReportTable.times(claimRate / updateRate) + " of UPDATE", target: "report")
        }
    }

    /// `processes` offering a paced `rate` claims a second together (target p99 < 20 ms), then the
    /// same offered load from `comparison` processes: what the process count alone does to the tail.
    func pacedRows(rate: Double, processes: Int, comparison: Int, scenario: String, engine: String,
                   into table: inout ReportTable) throws {
        print("\(scenario) \(processes) processes, paced \(Int(rate)) claims/s together …")
        let paced = try claims(processes: processes, rate: rate / Double(processes), tag: "b")
        table.add(scenario, "\(engine)\(processes) processes at \(Int(rate)) claims/s: p50 / p99 latency (\(paced.count) claims)",
                  ReportTable.p50p99(paced), target: "p99 < 20 ms")
        print("\(scenario) \(comparison) processes, paced \(Int(rate)) claims/s together …")
        let fewer = try claims(processes: comparison, rate: rate / Double(comparison), tag: "b\(comparison)")
        table.add(scenario, "… the same \(Int(rate)) claims/s from \(comparison) processes: p50 / p99 latency",
                  ReportTable.p50p99(fewer), target: "report")
    }
}
