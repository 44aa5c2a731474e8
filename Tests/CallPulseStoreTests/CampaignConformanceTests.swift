import CallPulseDomain
import CallPulseStore
import CallPulseTestSupport
import Testing

/// The store conformance suite, campaigns and import staging: what every engine must do the same.
@Suite struct CampaignConformanceTests {
    @Test(arguments: StoreEngine.available)
    func campaignsAreCreatedListedAndChangedWithAnAuditLine(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: [])
        let store = fixture.store
        #expect(throws: StoreError.campaignExists(StoreFixture.campaignID)) {
            try store.createCampaign(fixture.campaign, actor: "tester")
        }
        #expect(try store.campaigns().map(\.id) == [StoreFixture.campaignID])
        let read = try store.campaign(id: StoreFixture.campaignID)
        #expect(read.scriptYAML == fixture.campaign.scriptYAML && read.fields == ["store"])
        #expect(try store.campaignRules(id: StoreFixture.campaignID).maxAttempts == fixture.campaign.maxAttempts)
        #expect(throws: StoreError.campaignNotFound("nope")) { try store.campaign(id: "nope") }

        #expect(try store.setStatus(.paused, campaignID: StoreFixture.campaignID, actor: "sari",
                                    at: StoreFixture.now).status == .paused)
        let closed = try store.setStatus(.closed, campaignID: StoreFixture.campaignID, actor: "sari", at: StoreFixture.now + 1)
        #expect(closed.status == .closed && closed.closedAt == StoreFixture.now + 1)
        let trail = try store.auditTrail(campaignID: StoreFixture.campaignID, since: nil, limit: 10)
        #expect(trail.map(\.action).suffix(2) == ["pause", "close"])
        #expect(trail.last?.actor == "sari")
    }

    @Test(arguments: StoreEngine.available)
    func aStagedImportIsInvisibleUntilPublishedAndGoneWhenDiscarded(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: [])
        let store = fixture.store
        let id = StoreFixture.campaignID
        let staging = try store.beginImport(campaignID: id, file: "a.csv", actor: "tester", now: StoreFixture.now)
        // The file's own repeats never reach the store (the importer finds them in memory).
        let outcomes = try store.stage([StoreFixture.contact("+358401110001", line: 2),
                                        StoreFixture.contact("+358401110002", line: 3)],
                                       into: staging, campaignID: id, doNotCall: try store.makeDoNotCallLookup())
        #expect(outcomes == [.staged, .staged])
        // Nothing is visible or served before publishing.
        #expect(try store.contactCounts(campaignID: id, now: StoreFixture.now).total == 0)
        #expect(try fixture.claim(LeaseHolder(agent: "liisa")) == nil)
        try store.discardImport(staging)
        #expect(try store.contactCounts(campaignID: id, now: StoreFixture.now).total == 0)

        #expect(try fixture.importContacts(["+358401110001", "+358401110002"]) == [.staged, .staged])
        let counts = try store.contactCounts(campaignID: id, now: StoreFixture.now)
        #expect(counts.total == 2 && counts.neverCalled == 2)
        // A second list: numbers already in the campaign are duplicates; do-not-call numbers are refused.
        _ = try store.addToDoNotCall(["+358401110009"], actor: "tester", source: "manual", note: nil, now: StoreFixture.now)
        #expect(try fixture.importContacts(["+358401110002", "+358401110009", "+358401110003"], file: "b.csv")
                == [.duplicateInCampaign, .doNotCall, .staged])
        #expect(try store.contactCounts(campaignID: id, now: StoreFixture.now).total == 3)
        #expect(try store.contactFieldNames(campaign: fixture.campaign) == ["store"])
    }

    @Test(arguments: StoreEngine.available)
    func anImportKilledWhileStagingLeavesNothingAfterTheNextStart(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: [])
        let store = fixture.store
        let staging = try store.beginImport(campaignID: StoreFixture.campaignID, file: "killed.csv", actor: "tester",
                                            now: StoreFixture.now)
        _ = try store.stage([StoreFixture.contact("+358401110001", line: 2)], into: staging,
                            campaignID: StoreFixture.campaignID, doNotCall: try store.makeDoNotCallLookup())
        // The process dies here; the next import clears what it left.
        try store.removeAbandonedImports(actor: "tester", now: StoreFixture.now + 60)
        #expect(try fixture.importContacts(["+358401110001"]) == [.staged])
        #expect(try store.contactCounts(campaignID: StoreFixture.campaignID, now: StoreFixture.now).total == 1)
    }

    @Test(arguments: StoreEngine.available)
    func oneImportAtATime(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: [])
        var ran = false
        try fixture.store.oneImportAtATime(timeout: 1, waiting: nil) {
            try fixture.store.withImportCache { ran = true }
        }
        #expect(ran)
    }
}
