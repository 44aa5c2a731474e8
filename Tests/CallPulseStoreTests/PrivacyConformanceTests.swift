import CallPulseDomain
import CallPulseStore
import CallPulseTestSupport
import Testing

/// The store conformance suite, privacy: the do-not-call list, erasure on request and the purge
/// of a closed campaign; no read returns erased data afterwards.
@Suite struct PrivacyConformanceTests {
    let liisa = LeaseHolder(agent: "liisa", session: "host:100:1")

    @Test(arguments: StoreEngine.available)
    func theDoNotCallListKeepsNumbersOutOfTheQueue(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001"])
        let store = fixture.store
        let added = try store.addToDoNotCall(["+358401110001", "+358401110001"], actor: "sari", source: "manual",
                                             note: "asked", now: StoreFixture.now)
        #expect(added.changed == ["+358401110001"])
        #expect(try store.doNotCallEntries().map(\.phone) == ["+358401110001"])
        #expect(try fixture.claim(liisa) == nil)
        #expect(try store.contactCounts(campaignID: StoreFixture.campaignID, now: StoreFixture.now).byDisposition
                == [ServingCheck.doNotCallDisposition: 1])
        let removed = try store.removeFromDoNotCall(["+358401110001", "+358409999999"], actor: "sari", now: StoreFixture.now)
        #expect(removed.changed == ["+358401110001"] && removed.unchanged == ["+358409999999"])
        #expect(try store.doNotCallEntries().isEmpty)
    }

    @Test(arguments: StoreEngine.available)
    func forgetErasesThePersonButKeepsTheScores(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001"])
        try fixture.interview(liisa, [("nps", .number(8)), ("nps_reason", .text("Minä, Matti Meikäläinen")),
                                      ("ces", .number(4)), ("csat", .number(4))])
        let report = try fixture.store.forget(phone: "+358401110001", actor: "dpo", allowCalls: false, force: false,
                                              now: StoreFixture.now + 100)
        #expect(report.erased.count == 1 && report.doNotCall == .added)
        let rows = try fixture.exported(fields: ["store"])
        #expect(rows.count == 1)
        #expect(rows[0].answers.first { $0.questionID == "nps" }?.value == .integer(8))
        #expect(rows[0].answers.first { $0.questionID == "nps_reason" }?.value != .text("Minä, Matti Meikäläinen"))
        var calls: [ExportedCall] = []
        try fixture.store.exportCalls(ExportSelection(campaignID: StoreFixture.campaignID), personal: true) { calls.append($0) }
        #expect(calls.allSatisfy { $0.phone != "+358401110001" && $0.name != "Asiakas 2" })
        #expect(try fixture.store.auditTrail(campaignID: nil, since: nil, limit: 50).contains { $0.actor == "dpo" })
    }

    @Test(arguments: StoreEngine.available)
    func aClosedCampaignsPersonalDataIsPurged(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001", "+358401110002"])
        try fixture.interview(liisa, [("nps", .number(9)), ("ces", .number(5)), ("csat", .number(5))])
        let report = try fixture.store.purgePersonalData(campaignID: StoreFixture.campaignID, actor: "sari",
                                                         now: StoreFixture.now + 100)
        #expect(report.erased == 2 && report.closedNow)
        #expect(try fixture.store.campaign(id: StoreFixture.campaignID).status == .closed)
        var calls: [ExportedCall] = []
        try fixture.store.exportCalls(ExportSelection(campaignID: StoreFixture.campaignID), personal: true) { calls.append($0) }
        #expect(calls.allSatisfy { $0.phone == nil || !$0.phone!.hasPrefix("+35840111") })
        let tallies = try fixture.store.statsTallies(campaignID: StoreFixture.campaignID, request: fixture.statsRequest())
        #expect(tallies.answers["nps"] == [9: 1])
    }
}
