import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The audit trail: who changed an answer, erased data, closed a campaign or changed the
/// do-not-call list, and when; read back by campaign, time and count.
@Suite struct AuditTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    var db: AppDatabase { fixture.db }
    var now: Int64 { fixture.clock.now }

    @Test func everyActionLeavesALineWithWhoAndWhen() throws {
        try db.holdLease(contactID: 2, holder: LeaseHolder(agent: "pekka"), until: now + 120)
        try db.saveAnswer(interviewID: 2, contactID: 2, questionID: "ces", answer: .answer(.number(4)),
                          holder: LeaseHolder(agent: "pekka"),
                          alerts: [], leaseUntil: now - 1, now: now + 1)
        try db.setStatus(.paused, campaignID: "c", actor: "maija", at: now + 2)
        try db.setStatus(.active, campaignID: "c", actor: "maija", at: now + 3)
        try db.resolveFollowUp(id: 3, by: "maija", note: "välitetty", now: now + 4)
        try db.addToDoNotCall(["+358409999999"], actor: "maija", source: "manual", note: nil, now: now + 5)
        try db.removeFromDoNotCall(["+358409999999"], actor: "maija", now: now + 6)
        try db.forget(phone: "+358401111111", actor: "dpo", allowCalls: false, force: false, now: now + 7)
        try db.purgePersonalData(campaignID: "c", actor: "dpo", now: now + 8)
        let lines = try db.auditTrail(campaignID: nil, since: now, limit: 100).map { "\($0.at - now) \($0.actor) \($0.action) \($0.entity) \($0.entityId)" }
        #expect(lines == [
            "1 pekka change-answer interview 2", "2 maija pause campaign c", "3 maija resume campaign c",
            "4 maija resolve followup 3", "5 maija dnc-add phone +358409999999", "6 maija dnc-remove phone +358409999999",
            "7 dpo resolve followup 1", "7 dpo resolve followup 2", "7 dpo erase contact 1", "7 dpo dnc-add phone +358401111111",
            "8 dpo close campaign c", "8 dpo purge-pii campaign c",
        ])
    }

    @Test func filtersByCampaignTimeAndCount() throws {
        try db.makeTestCampaign(id: "d")
        try db.setStatus(.closed, campaignID: "d", actor: "maija", at: now)
        try db.resolveFollowUp(id: 1, by: "maija", note: "ok", now: now)
        try db.addToDoNotCall(["+358409999999"], actor: "maija", source: "manual", note: nil, now: now)
        let forC = try db.auditTrail(campaignID: "c", since: now, limit: 50)
        #expect(forC.map(\.action) == ["resolve"])
        let forD = try db.auditTrail(campaignID: "d", since: nil, limit: 50)
        #expect(forD.map(\.action) == ["create", "close"])
        let latest = try db.auditTrail(campaignID: nil, since: nil, limit: 2)
        #expect(latest.map(\.action) == ["resolve", "dnc-add"])
        #expect(throws: StoreError.campaignNotFound("nope")) { try db.auditTrail(campaignID: "nope", since: nil, limit: 5) }
    }

    @Test func theReportIsSafeForTheTerminal() {
        let entry = AuditEntry(at: 0, actor: "ma\u{1B}[31mija", action: "resolve", entity: "followup", entityId: "1",
                               detail: "line\nbreak \u{202E}")
        let text = AuditReport.render([entry], timeZone: TimeZone(identifier: "UTC")!, limit: 1).joined(separator: "\n")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.contains("1970-01-01 00:00  ma?[31mija  resolve  followup 1  line break ?"))
        #expect(text.hasSuffix("1 audit line (the latest 1; --limit shows more), times in GMT."))
        #expect(AuditReport.render([], timeZone: .current, limit: 5) == ["No audit lines match."])
    }
}
