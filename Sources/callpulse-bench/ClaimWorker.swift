import ArgumentParser
import CallPulseKit
import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import CallPulseSystem
import Foundation
import GRDB

extension BenchCommand {
    /// One console-like process: claim the next contact and record a no-answer, in a closed loop or
    /// paced, on an SQLite file or a PostgreSQL address.
    struct ClaimWorker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "claim-worker", abstract: "(internal) B2/P2/Q1 worker.")
        @Option var db: String
        @Option var campaign: String
        @Option var agent: String
        @Option var seconds: Double
        @Option var rate: Double = 0
        @Option var startAt: Double
        @Option var output: String

        func run() throws {
            let database: any CallPulseStore = DatabaseLocation.isServerAddress(db)
                ? try PostgresStore.open(db) : try AppDatabase.open(path: db)
            var queue = ContactQueue(store: database, campaignID: campaign, agent: agent)
            // The first claim opens the connection and warms the caches; it is given back untouched.
            if case let .claimed(claimed) = try queue.claimNext(now: unixNow()) {
                _ = try database.releaseContact(contactID: claimed.contact.id!, holder: queue.holder)
            }
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
                    _ = try database.recordCall(contactID: claimed.contact.id!, holder: queue.holder, startedAt: unixNow(),
                                                result: CallResult(outcome: .noAnswer), now: unixNow())
                }
                latencies.append(monotonicSeconds() - start)
            }
            try latencies.map { String($0) }.joined(separator: "\n").write(toFile: output, atomically: true, encoding: .utf8)
        }
    }

    /// The baseline: one-row UPDATE commits with the same durability on the same database
    /// (an SQLite file through GRDB, or a PostgreSQL server with synchronous commit on).
    struct UpdateWorker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update-worker", abstract: "(internal) B2/P2 baseline.")
        @Option var db: String
        @Option var seconds: Double
        @Option var startAt: Double
        @Option var rows: Int
        @Option var output: String

        func run() throws {
            let update: (Int64) throws -> Void
            if DatabaseLocation.isServerAddress(db) {
                let connection = try PGConnection(db)
                try connection.setSetting("synchronous_commit", to: "on")
                update = { id in
                    _ = try connection.execute("UPDATE contact SET leaseUntil = leaseUntil WHERE id = $1", [id])
                }
            } else {
                let database = try AppDatabase.open(path: db)
                update = { id in
                    try database.write { try $0.execute(sql: "UPDATE contact SET leaseUntil = leaseUntil WHERE id = ?", arguments: [id]) }
                }
            }
            while Date().timeIntervalSince1970 < startAt { usleep(1000) }
            let end = monotonicSeconds() + seconds
            var count = 0
            while monotonicSeconds() < end {
                try update(Int64.random(in: 1...Int64(rows)))
                count += 1
            }
            try String(count).write(toFile: output, atomically: true, encoding: .utf8)
        }
    }
}
