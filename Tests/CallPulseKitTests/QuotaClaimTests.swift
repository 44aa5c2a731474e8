import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore
@testable import CallPulseSystem

/// The claim with field quotas, on both engines: appointments in a full group, balancing, and
/// full groups kept back however they are written.
@Suite(.serialized) struct QuotaClaimTests {
    /// A campaign with contacts whose `touchpoint` is each of `touchpoints`, and one quota.
    static func database(_ touchpoints: [String], quota: String, definition: String, target: Int,
                         in dir: TemporaryDirectory, engine: StoreEngine) throws -> (any CallPulseStore, now: Int64) {
        let db = try engine.open(try QuotaEndToEndTests.setUp(touchpoints, in: dir, engine: engine))
        let now = unixNow()
        try db.setQuota(campaignID: "c", name: quota, definition: definition, target: target, actor: "t", now: now)
        return (db, now)
    }

    static func claimed(_ queue: inout ContactQueue, now: Int64) throws -> Int64? {
        guard case let .claimed(claimed) = try queue.claimNext(now: now) else { return nil }
        return claimed.contact.id
    }

    @Test(arguments: StoreEngine.available)
    func appointmentsInAFullGroupAreServedUnlessDropped(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let (db, now) = try Self.database(["support", "support", "billing"], quota: "support", definition: "touchpoint = support",
                                          target: 1, in: dir, engine: engine)
        var liisa = ContactQueue(store: db, campaignID: "c", agent: "liisa")
        #expect(try Self.claimed(&liisa, now: now) == 1)
        try db.recordCall(contactID: 1, holder: liisa.holder, startedAt: now,
                          result: CallResult(outcome: .callBack, callbackAt: now + 600), now: now)
        // Pekka holds the group's one place for as long as the test runs.
        var pekka = ContactQueue(store: db, campaignID: "c", agent: "pekka")
        pekka.leaseSeconds = 100_000
        #expect(try Self.claimed(&pekka, now: now + 1) == 2)
        #expect(try db.quotaStandings(campaignID: "c", now: now + 1).first?.isFull == true)
        #expect(try Self.claimed(&liisa, now: now + 700) == 1) // the appointment is kept
        _ = try db.releaseContact(contactID: 1, holder: liisa.holder)
        try db.setQuotaOptions(campaignID: "c", balance: nil, dropAppointments: true, actor: "t", now: now)
        #expect(try Self.claimed(&liisa, now: now + 701) == 3) // dropped: the billing contact instead
        guard case let .nothing(reason) = try liisa.claimNext(now: now + 702) else {
            Issue.record("served a contact of the full group")
            return
        }
        #expect(reason == .quotaFull(groups: ["quota full: touchpoint = support"]))
    }

    @Test(arguments: StoreEngine.available)
    func balancingServesTheGroupFurthestFromItsTarget(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let (db, now) = try Self.database(["support", "support", "billing", "billing"], quota: "support",
                                          definition: "touchpoint = support", target: 2, in: dir, engine: engine)
        try db.setQuota(campaignID: "c", name: "billing", definition: "touchpoint = billing", target: 10, actor: "t", now: now)
        var first = ContactQueue(store: db, campaignID: "c", agent: "a")
        #expect(try Self.claimed(&first, now: now) == 1) // support is now half taken, billing not at all
        try db.setQuotaOptions(campaignID: "c", balance: true, dropAppointments: nil, actor: "t", now: now)
        var second = ContactQueue(store: db, campaignID: "c", agent: "b")
        #expect(try Self.claimed(&second, now: now) == 3)
        try db.setQuotaOptions(campaignID: "c", balance: false, dropAppointments: nil, actor: "t", now: now)
        var third = ContactQueue(store: db, campaignID: "c", agent: "c")
        #expect(try Self.claimed(&third, now: now) == 2)
        #expect(try db.quotaOptions(campaignID: "c") == QuotaOptions(balance: false, dropAppointments: false))
    }
}

extension QuotaClaimTests {
    /// Groups the query keeps back itself (`touchpoint = support`) and those only the filter can
    /// judge (a number, `!=`, `or`) are kept back alike.
    @Test(arguments: StoreEngine.available, ["touchpoint = support", "touchpoint != billing",
                                            "touchpoint = support or touchpoint = x",
                                            "answered(touchpoint) and not touchpoint in (billing)"])
    func aFullGroupIsKeptBackHoweverItIsWritten(_ engine: StoreEngine, _ definition: String) throws {
        let dir = try TemporaryDirectory()
        let (db, now) = try Self.database(["support", "support", "billing", "support"], quota: "q", definition: definition,
                                          target: 0, in: dir, engine: engine)
        var queue = ContactQueue(store: db, campaignID: "c", agent: "a")
        #expect(try Self.claimed(&queue, now: now) == 3)
        guard case let .nothing(reason) = try queue.claimNext(now: now) else {
            Issue.record("served a contact of the full group")
            return
        }
        #expect(reason == .quotaFull(groups: ["quota full: " + (try db.quotas(campaignID: "c")[0].group.summary)]))
    }

    @Test(arguments: StoreEngine.available)
    func aNumericFieldGroupIsKeptBack(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let (db, now) = try Self.database(["12", "12.0", "13"], quota: "store12", definition: "touchpoint = 12", target: 0,
                                          in: dir, engine: engine)
        var queue = ContactQueue(store: db, campaignID: "c", agent: "a")
        #expect(try Self.claimed(&queue, now: now) == 3) // "12" and "12.0" are both the number 12
    }
}
