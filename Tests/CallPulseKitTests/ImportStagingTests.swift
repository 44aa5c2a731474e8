import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// An import writes in short transactions while consoles work; its contacts appear all at once,
/// or never when it fails or is killed.
@Suite struct ImportStagingTests {
    let dir: TemporaryDirectory
    let db: AppDatabase
    let now = ConsoleTests.mondayMorning

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
    }

    func importList(_ rows: Int, from first: Int = 0, tail: String = "", dryRun: Bool = false) throws -> ImportSummary {
        var csv = "phone,first_name\n"
        for index in first..<(first + rows) { csv += "040 \(1_000_000 + index),Asiakas\(index)\n" }
        let list = try dir.write("list\(first).csv", csv + tail)
        var options = CallListImporter.Options()
        options.actor = "tester"
        options.dryRun = dryRun
        return try CallListImporter(database: db).importFile(list, into: "c", options: options, now: now)
    }

    func loaded() throws -> Int { try StatsSnapshot.load(database: db, campaignID: "c", now: now).progress.loaded }

    func contactRows() throws -> Int { try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contact")! } }

    /// Contacts written the way an import stages them, as if its process were still writing (or had been killed).
    func stage(_ rows: Int) throws -> StagingImport {
        let campaign = try db.campaign(id: "c")
        let importer = CallListImporter(database: db)
        let staging = try importer.beginImport(campaign: campaign, file: "staged.csv", actor: "tester", now: now)
        try db.write { db in
            for index in 0..<rows {
                try db.execute(sql: """
                    INSERT INTO contact (campaignId, phone, status, attempts, importId, importLine)
                    VALUES ('c', ?, 'new', 0, ?, ?)
                    """, arguments: ["+35850\(7_000_000 + index)", staging.id, index + 2])
            }
        }
        return staging
    }

    func claim(agent: String = "liisa") throws -> ClaimResult {
        var queue = ContactQueue(store: db, campaignID: "c", agent: agent)
        return try queue.claimNext(now: now)
    }

    @Test func stagedContactsAreNeitherServedNorCountedUntilPublished() throws {
        _ = try importList(1)
        let staging = try stage(3)
        #expect(try loaded() == 1)
        #expect(try db.contactCounts(campaignID: "c", now: now).total == 1)
        guard case let .claimed(first) = try claim() else { Issue.record("the published contact is served"); return }
        #expect(first.contact.importId != staging.id)
        guard case .nothing = try claim(agent: "pekka") else { Issue.record("a staged contact was served"); return }

        var summary = ImportSummary(file: "staged.csv", campaignID: "c")
        summary.imported = 3
        try CallListImporter(database: db).publish(staging, campaign: try db.campaign(id: "c"), summary: summary,
                                                   actor: "tester", now: now)
        #expect(try loaded() == 4)
        #expect(try db.contactCounts(campaignID: "c", now: now).total == 4)
        guard case let .claimed(second) = try claim(agent: "pekka") else { Issue.record("published contacts are served"); return }
        #expect(second.contact.importId == staging.id)
    }

    @Test func aFileThatBreaksAfterSeveralBatchesLeavesNothing() throws {
        let rows = 3 * CallListImporter.batchSize
        #expect(throws: ImportError.self) { try importList(rows, tail: "\"040 999 9999,unterminated\n") }
        #expect(try contactRows() == 0)
        #expect(try loaded() == 0)
        let imports = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM callListImport")! }
        #expect(imports == 0)
        let summary = try importList(2)
        #expect(summary.imported == 2)
        #expect(try loaded() == 2)
    }

    @Test func aDryRunLeavesNothing() throws {
        let summary = try importList(5, dryRun: true)
        #expect(summary.imported == 5)
        #expect(try contactRows() == 0)
        #expect(try loaded() == 0)
    }

    @Test func theNextImportRemovesWhatAKilledImportStaged() throws {
        _ = try stage(5)
        #expect(try contactRows() == 5)
        let summary = try importList(2)
        #expect(summary.imported == 2)
        #expect(try contactRows() == 2)
        #expect(try loaded() == 2)
        let states = try db.read { try String.fetchAll($0, sql: "SELECT state FROM callListImport") }
        #expect(states == ["done"])
        let discarded = try db.read { try AuditEntry.filter(Column("action") == "import-discarded").fetchCount($0) }
        #expect(discarded == 1)
    }

    @Test func publishedTalliesMatchACount() throws {
        _ = try importList(10)
        _ = try importList(5, from: 5) // five already in the campaign
        let tallied = try db.read { try Int.fetchOne($0, sql: "SELECT sum(n) FROM contactTally WHERE campaignId = 'c'")! }
        #expect(tallied == 15 - 5)
        #expect(try contactRows() == 10)
    }
}
