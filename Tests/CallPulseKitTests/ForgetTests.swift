import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `forget PHONE` on the export fixture: Aino (+358401111111, contact #1) completed an interview
/// with a note, a verbatim answer and three follow-ups; Björn (#2) completed one; Pekka (#3) broke off.
@Suite struct ForgetTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    var db: AppDatabase { fixture.db }
    var now: Int64 { fixture.clock.now }
    let aino = "+358401111111"

    func contact(_ id: Int64) throws -> Contact { try db.read { try AppDatabase.contact($0, id: id) } }

    /// Adds campaign "d" holding Aino's number too (not yet called) and someone else; returns Aino's id there.
    func addSecondCampaign() throws -> Int64 {
        try db.makeTestCampaign(id: "d", fields: ["touchpoint"])
        let list = try fixture.dir.write("d.csv", "phone,name,touchpoint\n+358401111111,Aino Virtanen,shop\n040 999 9999,Olli,shop\n")
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: db).importFile(list, into: "d", options: options, now: now)
        return try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM contact WHERE campaignId = 'd' AND phone = ?", arguments: [aino])! }
    }

    @Test func erasesThePersonInEveryCampaignAndKeepsTheirScores() throws {
        let inD = try addSecondCampaign()
        let report = try db.forget(phone: aino, actor: "dpo", allowCalls: false, force: false, now: now)
        #expect(report.erased.map(\.campaignID) == ["c", "d"])
        #expect(report.doNotCall == .added && report.checkpoint == .emptied)
        for id in [1, inD] {
            let erased = try contact(id)
            #expect(erased.phone == "erased #\(id)" && erased.name == nil && erased.firstName == nil && erased.lastName == nil)
            #expect(erased.fields == "{}" && erased.timeZone == nil && erased.importLine == nil && erased.erasedAt == now)
        }
        #expect(try contact(1).disposition == "1.1")
        #expect(try contact(inD).status == .done && contact(inD).disposition == "2.11")
        let answers = try db.read { try AnswerRecord.filter(Column("interviewId") == 1).fetchAll($0) }
        let byQuestion = Dictionary(uniqueKeysWithValues: answers.map { ($0.questionId, $0) })
        #expect(byQuestion["nps"]?.number == 2 && byQuestion["csat"]?.number == 1 && byQuestion["may_contact"]?.value == "true")
        #expect(byQuestion["nps_reason"]?.value == "\"(erased)\"")
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM note WHERE contactId = 1") } == 0)
        let followUps = try db.read { try FollowUp.filter(Column("contactId") == 1).fetchAll($0) }
        #expect(followUps.count == 3 && followUps.allSatisfy { $0.resolvedBy == "dpo" && $0.resolvedAt == now })
        let entry = try db.read { try DoNotCallEntry.fetchOne($0, key: aino) }
        #expect(entry?.source == "erasure request" && entry?.addedBy == "dpo")
        let erasures = try db.read { try AuditEntry.filter(Column("action") == "erase").fetchAll($0) }
        #expect(erasures.map(\.entityId) == ["1", String(inD)] && erasures.allSatisfy { $0.actor == "dpo" && $0.at == now })
        // Everyone else is untouched.
        #expect(try contact(2).name == "Björn \"Nalle\" Åström" && contact(2).erasedAt == nil)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT name FROM contact WHERE campaignId = 'd' AND name = 'Olli'") } == "Olli")
    }

    @Test func statsCountTheScoresAsBefore() throws {
        let before = try StatsSnapshot.load(database: db, campaignID: "c", now: now)
        try db.forget(phone: aino, actor: "dpo", allowCalls: false, force: false, now: now)
        let after = try StatsSnapshot.load(database: db, campaignID: "c", now: now)
        #expect(after.scores == before.scores)
        #expect(after.progress == before.progress && after.rates == before.rates && after.agents == before.agents)
        #expect(after.scores.nps?.n == 2)
        #expect(before.followUps.open == 3 && after.followUps.open == 0)
    }

    @Test func theExportShowsTheContactAnonymised() throws {
        try db.forget(phone: aino, actor: "dpo", allowCalls: false, force: false, now: now)
        let rows = keyed(try fixture.exportRecords())
        let row = try #require(rows.first { $0["contact_id"] == "1" })
        #expect(row["phone"] == "erased #1" && row["name"] == "" && row["first_name"] == "" && row["touchpoint"] == "")
        #expect(row["nps"] == "2" && row["csat"] == "1" && row["nps_reason"] == "(erased)" && row["notes"] == "")
        #expect(rows.first { $0["contact_id"] == "2" }?["nps_reason"] == "'+46 säger: bra; snabb")
        let calls = keyed(try fixture.exportRecords(calls: true)).filter { $0["contact_id"] == "1" }
        #expect(!calls.isEmpty && calls.allSatisfy { $0["phone"] == "erased #1" && $0["name"] == "" && $0["note"] == "" })
    }

    @Test func aContactInACallIsRefusedUnlessForced() throws {
        let pekka = "+358403333333"
        try db.write { try $0.execute(sql: "UPDATE contact SET leaseAgent = 'liisa', leaseUntil = ? WHERE id = 3", arguments: [now + 120]) }
        // The time is in the campaign's zone (Europe/Helsinki), named, as every other time the supervisor sees.
        let helsinki = TimeZone(identifier: "Europe/Helsinki")!
        #expect(throws: PrivacyError.inCall(phone: pekka, campaignID: "c", contactID: 3, agent: "liisa",
                                            until: TimeFormat.dateTime(now + 120, timeZone: helsinki) + " Europe/Helsinki")) {
            try db.forget(phone: pekka, actor: "dpo", allowCalls: false, force: false, now: now)
        }
        #expect(try contact(3).name == "Pekka Ärrä")
        let message = PrivacyError.inCall(phone: pekka, campaignID: "c", contactID: 3, agent: "liisa", until: "x").localizedDescription
        #expect(message.contains("agent liisa holds contact #3 of campaign c") && message.contains("--force"))

        let report = try db.forget(phone: pekka, actor: "dpo", allowCalls: false, force: true, now: now)
        #expect(report.erased == [.init(contactID: 3, campaignID: "c", forcedFromAgent: "liisa")])
        #expect(try contact(3).leaseAgent == nil)
        // The agent's console can record nothing more for the person.
        let interview = try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM interview WHERE contactId = 3")! }
        let liisa = LeaseHolder(agent: "liisa")
        #expect(throws: StoreError.contactErased) {
            try db.saveAnswer(interviewID: interview, contactID: 3, questionID: "ces", answer: .answer(.number(4)), holder: liisa,
                              alerts: [], leaseUntil: now + 120, now: now)
        }
        #expect(throws: StoreError.contactErased) {
            try db.addNote(contactID: 3, interviewID: interview, holder: liisa, text: "Pekka sanoi…", now: now)
        }
        #expect(throws: StoreError.contactErased) {
            try db.recordCall(contactID: 3, holder: liisa, startedAt: now, result: CallResult(outcome: .noAnswer), now: now)
        }
        #expect(throws: StoreError.contactErased) {
            try db.breakOffInterview(interviewID: interview, callID: 1, contactID: 3, holder: liisa, callbackAt: now + 3600,
                                     answeredShare: 0.5, now: now)
        }
        #expect(try contact(3).status == .done && contact(3).nextCallAt == nil)
    }

    @Test func aNumberHeldNowhereIsANormalAnswer() throws {
        let report = try db.forget(phone: "+358409999999", actor: "dpo", allowCalls: false, force: false, now: now)
        #expect(report.erased.isEmpty && report.doNotCall == .notListed && report.checkpoint == nil)
        #expect(report.lines.first == "No personal data held for +358409999999: no contact with this number in any campaign.")
        #expect(try db.doNotCallEntries().isEmpty)
    }

    @Test func allowCallsLeavesTheNumberHeldNowhere() throws {
        try db.addToDoNotCall([aino], actor: "maija", source: "manual", note: "Aino soitti", now: now)
        try db.removeFromDoNotCall([aino], actor: "maija", now: now)
        let report = try db.forget(phone: aino, actor: "dpo", allowCalls: true, force: false, now: now)
        #expect(report.doNotCall == .notListed && report.erased.count == 1)
        #expect(try db.doNotCallEntries().isEmpty)
        let audit = try db.read { try AuditEntry.fetchAll($0) }
        #expect(!audit.contains { $0.entityId == aino || ($0.detail ?? "").contains(aino) })
        #expect(audit.filter { $0.entity == "phone" }.map(\.action) == ["dnc-add", "dnc-remove"])
    }

    @Test func anEntryAlreadyOnTheListStaysWithoutItsNote() throws {
        try db.addToDoNotCall([aino], actor: "maija", source: "manual", note: "Aino Virtanen, vihainen", now: now - 60)
        let report = try db.forget(phone: aino, actor: "dpo", allowCalls: true, force: false, now: now)
        #expect(report.doNotCall == .alreadyListed)
        let entry = try db.read { try DoNotCallEntry.fetchOne($0, key: aino) }
        #expect(entry?.note == nil && entry?.addedAt == now - 60)
    }

    @Test func auditLinesThatQuotedTheirWordsAreErased() throws {
        let firing = (0..<3).map { FiredAlert(index: $0, reason: "") } // Aino's three alerts still fire
        try db.holdLease(contactID: 1, holder: LeaseHolder(agent: "liisa"), until: now + 120)
        try db.saveAnswer(interviewID: 1, contactID: 1, questionID: "nps_reason", answer: .answer(.text("Laskutus, soita Ainolle")),
                          holder: LeaseHolder(agent: "liisa"), alerts: firing, leaseUntil: now - 1, now: now)
        try db.saveAnswer(interviewID: 1, contactID: 1, questionID: "nps", answer: .answer(.number(3)),
                          holder: LeaseHolder(agent: "liisa"),
                          alerts: firing, leaseUntil: now - 1, now: now)
        try db.resolveFollowUp(id: 1, by: "maija", note: "Aino kertoi osoitteensa", now: now)
        try db.forget(phone: aino, actor: "dpo", allowCalls: false, force: false, now: now + 60)
        let changes = try db.read { try AuditEntry.filter(Column("action") == "change-answer").order(Column("id")).fetchAll($0) }
        #expect(changes.map(\.detail) == ["nps_reason: (erased)", "nps: 2 → 3"])
        let resolutions = try db.read { try AuditEntry.filter(Column("action") == "resolve").order(Column("id")).fetchAll($0) }
        #expect(resolutions.map(\.detail) == ["(erased)", "closed: the person's data was erased", "closed: the person's data was erased"])
        #expect(try db.read { try FollowUp.fetchOne($0, key: 1) }?.resolutionNote == "(erased)")
    }
}
