import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `campaign close ID --purge-pii` on the export fixture (campaign "c": three contacts, two
/// complete interviews, Aino's three follow-ups open).
@Suite struct PurgeTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    var db: AppDatabase { fixture.db }
    var now: Int64 { fixture.clock.now }

    func resolveAll() throws {
        for id in Int64(1)...3 { try db.resolveFollowUp(id: id, by: "maija", note: "Soitettu Ainolle", now: now) }
    }

    /// The export's columns that are not free text, row by row.
    func anonymousFigures() throws -> [[String]] {
        let records = try fixture.exportRecords { $0.includePersonalData = false; $0.includePartials = true }
        let keep = records[0].indices.filter { records[0][$0] != "nps_reason" }
        return records.map { row in keep.map { row[$0] } }
    }

    @Test func keepsStatisticsAndTheAnonymousExportExactly() throws {
        try resolveAll()
        let before = try StatsSnapshot.load(database: db, campaignID: "c", now: now)
        let figures = try anonymousFigures()
        let report = try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        #expect(report.closedNow && report.erased == 3 && report.erasedEarlier == 0 && report.checkpoint == .emptied)
        var after = try StatsSnapshot.load(database: db, campaignID: "c", now: now)
        #expect(after.campaign.status == "closed")
        after.campaign.status = before.campaign.status
        #expect(after == before)
        #expect(try anonymousFigures() == figures)
        let verbatims = keyed(try fixture.exportRecords { $0.includePersonalData = false }).map { $0["nps_reason"] }
        #expect(verbatims == ["(erased)", "(erased)"])
    }

    @Test func leavesNothingThatIdentifiesAnyone() throws {
        try resolveAll()
        try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        let left = try db.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM contact
                WHERE name IS NOT NULL OR firstName IS NOT NULL OR lastName IS NOT NULL OR phone NOT LIKE 'erased #%'
                   OR fields != '{}' OR erasedAt IS NULL
                """)
        }
        #expect(left == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM note") } == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM call WHERE note IS NOT NULL") } == 0)
        #expect(try db.read { try String.fetchAll($0, sql: "SELECT DISTINCT resolutionNote FROM followup") } == ["(erased)"])
        let audit = try db.read { try AuditEntry.filter(Column("entity") == "campaign").order(Column("id")).fetchAll($0) }
        #expect(audit.suffix(2).map(\.action) == ["close", "purge-pii"])
        #expect(audit.last?.actor == "dpo" && audit.last?.detail == "erasing the personal data of 3 contacts")
        // Running it again finds nothing left, and says so.
        let again = try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        #expect(!again.closedNow && again.erased == 0 && again.erasedEarlier == 3)
        #expect(again.lines.first == "No personal data left to erase in c (3 had been erased before).")
    }

    @Test func refusedWhileFollowUpsAreOpenOrAgentsAreInCalls() throws {
        #expect(throws: PrivacyError.openFollowUps(campaignID: "c", count: 3)) {
            try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        }
        try resolveAll()
        try db.write { try $0.execute(sql: "UPDATE contact SET leaseAgent = 'liisa', leaseUntil = ? WHERE id = 3", arguments: [now + 60]) }
        #expect(throws: PrivacyError.campaignInCalls(campaignID: "c", agents: ["liisa"])) {
            try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now)
        }
        #expect(try db.campaign(id: "c").status == .active)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contact WHERE erasedAt IS NOT NULL") } == 0)
        #expect(throws: StoreError.campaignNotFound("nope")) { try db.purgePersonalData(campaignID: "nope", actor: "dpo", now: now) }
    }

    @Test func otherCampaignsKeepTheirData() throws {
        try db.makeTestCampaign(id: "d")
        let list = try fixture.dir.write("d.csv", "phone,name\n+358401111111,Aino Virtanen\n")
        _ = try CallListImporter(database: db).importFile(list, into: "d", options: .init(), now: now)
        _ = try CallListImporter(database: db).importFile(try fixture.dir.write("c.csv", "phone\n040 444 4444\n"), into: "c",
                                                          options: .init(), now: now)
        try resolveAll()
        // One contact per transaction; campaign d's contact lies between c's in id order.
        let report = try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now, chunk: 1)
        #expect(report.erased == 4)
        let other = try db.read { try Contact.filter(Column("campaignId") == "d").fetchOne($0) }
        #expect(other?.name == "Aino Virtanen" && other?.phone == "+358401111111" && other?.erasedAt == nil)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contact WHERE campaignId = 'c' AND erasedAt IS NULL") } == 0)
    }
}
