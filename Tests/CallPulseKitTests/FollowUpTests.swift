import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Closing the loop: the follow-ups the console's alerts created, listed, resolved and exported.
@Suite struct FollowUpTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    var now: Int64 { fixture.clock.now }

    func render(openOnly: Bool = false) throws -> String {
        let details = try fixture.db.followUps(campaignID: "c", openOnly: openOnly)
        let context = try FollowUpContext(database: fixture.db, campaignIDs: ["c"])
        return FollowUpReport.render(details, context: context, now: now).joined(separator: "\n")
    }

    @Test func listShowsWhoWhyTheirWordsAndAge() throws {
        let text = try render()
        #expect(text.contains("#1  c  OVERDUE by 2 h (due 2026-11-24 10:00)  ·  created 1 d 2 h ago"))
        #expect(text.contains("call:     =HYPERLINK(\"http://evil.example\",\"x\")  +358 40 1111111"))
        #expect(text.contains("trigger:  Tyytymätön (CSAT 1–2): soita takaisin yhden työpäivän kuluessa  [csat = 1]"))
        #expect(text.contains("trigger:  Arvostelija (NPS 0–6): käy vastaukset läpi ja sovi jatkotoimista  [nps = 2]"))
        #expect(text.contains("[may_contact = yes]"))
        #expect(text.contains("words:    nps_reason: =HYPERLINK(\"http://evil.example\")"))
        #expect(text.hasSuffix("3 follow-ups: 3 open, 3 overdue."))
    }

    @Test func resolveClosesOneWithAnAuditLine() throws {
        try fixture.db.resolveFollowUp(id: 2, by: "maija", note: "Soitettu, hyvitys sovittu", now: now)
        let open = try fixture.db.followUps(campaignID: "c", openOnly: true)
        #expect(open.map(\.followUp.id) == [1, 3])
        #expect(try render().contains("resolved 2026-11-24 12:00 by maija"))
        #expect(try render().contains("outcome:  Soitettu, hyvitys sovittu"))
        let audit = try fixture.db.read { try AuditEntry.filter(Column("entity") == "followup").fetchAll($0) }
        #expect(audit.map(\.entityId) == ["2"] && audit[0].actor == "maija" && audit[0].action == "resolve")
    }

    @Test func resolvingTwiceOrAnUnknownIdNamesIt() throws {
        try fixture.db.resolveFollowUp(id: 1, by: "maija", note: "done", now: now)
        #expect(throws: FollowUpError.alreadyResolved(id: 1, by: "maija", at: "2026-11-24 12:00")) {
            try fixture.db.resolveFollowUp(id: 1, by: "other", note: "again", now: now)
        }
        #expect(throws: FollowUpError.notFound(99)) { try fixture.db.resolveFollowUp(id: 99, by: "x", note: "y", now: now) }
        #expect(FollowUpError.notFound(99).localizedDescription.contains("#99"))
    }

    @Test func exportWritesTheOpenOnesForCustomerService() throws {
        try fixture.db.resolveFollowUp(id: 3, by: "maija", note: "forwarded", now: now)
        let details = try fixture.db.followUps(campaignID: "c", openOnly: true)
        let path = fixture.dir.file("followups.csv")
        let writer = try CSVWriter(path: path, dialect: .excel)
        try FollowUpSheet.write(details, context: try FollowUpContext(database: fixture.db, campaignIDs: ["c"]),
                                now: now, to: writer)
        try writer.finish()
        let rows = keyed(try ExportFixture.records(Array(try Data(contentsOf: URL(fileURLWithPath: path))), in: fixture.dir))
        #expect(rows.count == 2)
        #expect(rows[0]["name"] == "'=HYPERLINK(\"http://evil.example\",\"x\")")
        #expect(rows[0]["phone"] == "'+358 40 1111111")
        #expect(rows[0]["overdue"] == "yes")
        #expect(rows[0]["trigger"] == "nps = 2")
        #expect(rows[0]["customer_words"] == "nps_reason: =HYPERLINK(\"http://evil.example\")")
        #expect(rows[0]["contact_fields"] == "touchpoint: support, chat")
    }
}
