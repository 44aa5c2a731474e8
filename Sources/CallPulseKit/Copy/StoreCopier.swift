import CallPulseStore
import Foundation

/// `callpulse db copy`: moves every campaign, contact, call, interview, answer, follow-up,
/// do-not-call entry, quota and audit line from one store into an empty one (a single-site
/// SQLite file onto a PostgreSQL server), then checks itself before it says done: every table's
/// row count, and each campaign's `stats --json`, equal on both sides.
public struct StoreCopier {
    public typealias Source = any CallPulseStore & CopySource
    public typealias Target = any CallPulseStore & CopyTarget

    public let source: Source
    public let target: Target
    /// Rows sent to the target per batch.
    public var batchSize = 5_000

    public init(source: Source, target: Target) {
        self.source = source
        self.target = target
    }

    /// What a finished copy moved: rows per table, in copy order.
    public struct Report: Sendable, Equatable {
        public var rows: [(table: String, count: Int)] = []
        public var campaigns: [String] = []

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.campaigns == rhs.campaigns && lhs.rows.map(\.table) == rhs.rows.map(\.table)
                && lhs.rows.map(\.count) == rhs.rows.map(\.count)
        }
    }

    /// Copies, then checks. Throws `StoreCopyError.targetNotEmpty` before writing anything when
    /// the target holds campaigns; the copy is one transaction on the target, so a failure
    /// part-way leaves it as it was.
    public func copy(now: Int64) throws -> Report {
        let existing = try target.campaigns().map(\.id)
        guard existing.isEmpty else { throw StoreCopyError.targetNotEmpty(target: target.location, campaigns: existing) }
        let batchSize = self.batchSize
        let tables = CopyPlan.tables + (target.takesDerivedTables ? CopyPlan.derivedTables : [])
        try target.copyIn { write in try withoutActuallyEscaping(write) { write in
            try source.copyOut(tables: tables) { table, columns, eachRow in
                var batch: [[StoredValue]] = []
                batch.reserveCapacity(batchSize)
                try eachRow { row in
                    batch.append(row)
                    if batch.count == batchSize {
                        try write(table, columns, batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try write(table, columns, batch) }
            }
        } }
        var report = Report()
        for table in tables {
            let (copied, there) = (try source.rowCount(of: table), try target.rowCount(of: table))
            guard copied == there else { throw StoreCopyError.countsDiffer(table: table, source: copied, target: there) }
            report.rows.append((table, copied))
        }
        for campaign in try source.campaigns() {
            if campaign.scriptYAML.isEmpty { continue }
            let before = try StatsDocument(generatedAt: now, campaigns: [
                StatsSnapshot.load(database: source, campaignID: campaign.id, now: now),
            ]).jsonText()
            let after = try StatsDocument(generatedAt: now, campaigns: [
                StatsSnapshot.load(database: target, campaignID: campaign.id, now: now),
            ]).jsonText()
            guard before == after else { throw StoreCopyError.statsDiffer(campaign: campaign.id) }
            report.campaigns.append(campaign.id)
        }
        return report
    }
}
