import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

@Suite struct CampaignTests {
    @Test func createCopiesTheScriptAndAppliesDefaults() throws {
        let dir = try TemporaryDirectory()
        let scriptPath = dir.file("script.yaml")
        try FileManager.default.copyItem(atPath: Repository.path("Scripts/customer-service-pulse.yaml"), toPath: scriptPath)
        let db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        let campaign = try Campaign.make(id: "acme-q4", scriptFile: scriptPath, client: "ACME Oy", title: nil, fields: [],
                                         rules: CampaignRules(), now: 1_700_000_000)
        try db.createCampaign(campaign, actor: "tester")
        try "garbage: [".write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let stored = try db.campaign(id: "acme-q4")
        #expect(stored.maxAttempts == 6)
        #expect(stored.weekdayWindow == "09:00-20:00")
        #expect(stored.saturdayWindow == "10:00-16:00")
        #expect(stored.sundayWindow == nil)
        #expect(stored.timeZone == "Europe/Helsinki")
        #expect(stored.quarantineDays == 90)
        #expect(try stored.loadScript().id == "customer-service-pulse")
        #expect(throws: StoreError.campaignExists("acme-q4")) { try db.createCampaign(campaign, actor: "tester") }
        let audit = try db.read { try AuditEntry.fetchAll($0) }
        #expect(audit.map(\.action) == ["create"])
    }

    @Test func placeholdersMustBeCampaignFields() throws {
        let dir = try TemporaryDirectory()
        let yaml = """
            id: t
            title: { fi: T, sv: T, en: T }
            languages: [fi, sv, en]
            intro: { fi: "Hei {first_name}, {client} ja {segment}", sv: "Hej {first_name} {segment}", en: "Hi {first_name} {segment}" }
            questions:
              - id: nps
                type: nps
                text: { fi: "NPS?", sv: "NPS?", en: "NPS?" }
            """
        let path = try dir.write("s.yaml", yaml)
        #expect(throws: CampaignError.self) {
            try Campaign.make(id: "x", scriptFile: path, client: "C", title: nil, fields: [], rules: CampaignRules(), now: 0)
        }
        let campaign = try Campaign.make(id: "x", scriptFile: path, client: "C", title: nil, fields: ["segment"],
                                         rules: CampaignRules(), now: 0)
        #expect(campaign.fields == ["segment"])
    }

    @Test(arguments: ["", "-bad", "a b", "ä", String(repeating: "x", count: 65), "x;drop"])
    func invalidCampaignIDsAreRefused(id: String) throws {
        #expect(throws: CampaignError.invalidID(id)) {
            try Campaign.make(id: id, scriptFile: Repository.path("Scripts/customer-service-pulse.yaml"), client: "C",
                              title: nil, fields: [], rules: CampaignRules(), now: 0)
        }
    }

    @Test func pauseResumeClose() throws {
        let dir = try TemporaryDirectory()
        let db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        #expect(try db.setStatus(.paused, campaignID: "c", actor: "sv", at: 10).status == .paused)
        #expect(try db.setStatus(.active, campaignID: "c", actor: "sv", at: 11).status == .active)
        let closed = try db.setStatus(.closed, campaignID: "c", actor: "sv", at: 12)
        #expect(closed.status == .closed && closed.closedAt == 12)
        #expect(throws: StoreError.campaignClosed("c")) { try db.setStatus(.active, campaignID: "c", actor: "sv", at: 13) }
        #expect(throws: StoreError.campaignNotFound("nope")) { try db.campaign(id: "nope") }
        let actions = try db.read { try AuditEntry.order(Column("id")).fetchAll($0) }.map(\.action)
        #expect(actions == ["create", "pause", "resume", "close"])
    }

    @Test(arguments: [("09-20", 540, 1200), ("10:30-16:45", 630, 1005), ("0-24", 0, 1440)])
    func callingWindowsParse(text: String, start: Int, end: Int) throws {
        let window = try #require(CallingWindow(parsing: text))
        #expect(window.startMinute == start && window.endMinute == end)
        #expect(CallingWindow(parsing: window.storageText) == window)
    }

    @Test(arguments: ["20-09", "9", "25-26", "09:75-10", "a-b", "09-09"])
    func badCallingWindowsAreRejected(text: String) {
        #expect(CallingWindow(parsing: text) == nil)
    }
}
