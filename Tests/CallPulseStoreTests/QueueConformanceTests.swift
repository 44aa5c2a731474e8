import CallPulseDomain
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing

/// The store conformance suite, the queue and calls: leases, the order contacts come in, and no
/// contact served twice however many consoles claim at once.
@Suite struct QueueConformanceTests {
    let liisa = LeaseHolder(agent: "liisa", session: "host:100:1")
    let pekka = LeaseHolder(agent: "pekka", session: "host:200:1")

    @Test(arguments: StoreEngine.available)
    func eachContactIsServedToOneAgentUntilItsLeaseRunsOut(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001", "+358401110002"])
        let first = try #require(try fixture.claim(liisa))
        let second = try #require(try fixture.claim(pekka))
        #expect(first.contact.id != second.contact.id)
        #expect(first.reason == .fresh && first.contact.leaseAgent == "liisa")
        #expect(try fixture.claim(LeaseHolder(agent: "sari")) == nil)
        // Renewed, Liisa keeps hers past the first lease; given back, it is served again.
        #expect(try fixture.store.renewLease(contactID: first.contact.id!, holder: liisa, until: StoreFixture.now + 600))
        #expect(try fixture.claim(LeaseHolder(agent: "sari"), at: StoreFixture.now + 61)?.contact.id == second.contact.id)
        #expect(try fixture.store.releaseContact(contactID: first.contact.id!, holder: liisa))
        #expect(try !fixture.store.releaseContact(contactID: first.contact.id!, holder: liisa))
        #expect(try fixture.claim(pekka, at: StoreFixture.now + 62)?.contact.id == first.contact.id)
    }

    @Test(arguments: StoreEngine.available)
    func theCampaignsZonesAreItsContactsZonesAndItsOwnForThoseWithNone(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: [])
        let store = fixture.store
        #expect(try store.contactTimeZones(campaignID: fixture.campaign.id, fallback: "Europe/Helsinki") == [])
        let zones = ["Europe/Stockholm", "America/New_York", "Europe/Stockholm", "Asia/Tokyo", "Europe/Helsinki"]
        let staging = try store.beginImport(campaignID: fixture.campaign.id, file: "zones.csv", actor: "tester",
                                            now: StoreFixture.now)
        let contacts = zones.enumerated().map { index, zone in
            var contact = StoreFixture.contact("+35840222000\(index)", line: index + 2)
            contact.timeZone = zone
            return contact
        }
        _ = try store.stage(contacts, into: staging, campaignID: fixture.campaign.id, doNotCall: DoNotCallLookup(numbers: []))
        try store.publishImport(staging, campaignID: fixture.campaign.id,
                                tally: ImportTally(rowsRead: 5, imported: 5, invalid: 0, duplicates: 0, doNotCall: 0),
                                fields: ["store"], file: "zones.csv", actor: "tester", now: StoreFixture.now)
        let found = try store.contactTimeZones(campaignID: fixture.campaign.id, fallback: "Europe/Helsinki")
        #expect(found.sorted() == ["America/New_York", "Asia/Tokyo", "Europe/Helsinki", "Europe/Stockholm"])
        // A contact without a zone brings in the campaign's own, once.
        try fixture.importContacts(["+358401110009"], file: "nozone.csv")
        #expect(try store.contactTimeZones(campaignID: fixture.campaign.id, fallback: "Europe/Paris").sorted()
            == ["America/New_York", "Asia/Tokyo", "Europe/Helsinki", "Europe/Paris", "Europe/Stockholm"])
        #expect(try store.contactTimeZones(campaignID: "another", fallback: "Europe/Paris") == [])
    }

    @Test(arguments: StoreEngine.available)
    func aListedNumberIsTakenOutAndARecentCompleteHoldsTheNumberInAnotherCampaign(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001", "+358401110002", "+358401110003"])
        let store = fixture.store
        _ = try store.addToDoNotCall(["+358401110002"], actor: "tester", source: "request", note: nil, now: StoreFixture.now)
        let first = try fixture.interview(liisa, [("nps", .number(9)), ("ces", .number(2)), ("csat", .number(4))])
        // The listed number is passed over and its case ends; the third contact is served.
        let next = try #require(try fixture.claim(pekka, at: StoreFixture.now + 60))
        #expect(next.contact.phone == "+358401110003")
        let counts = try store.contactCounts(campaignID: fixture.campaign.id, now: StoreFixture.now + 60)
        #expect(counts.done == 2)

        // The number that just completed, in another campaign with a 90-day quarantine: held, not served.
        var other = fixture.campaign
        other.id = "conf2"
        try store.createCampaign(other, actor: "tester")
        let staging = try store.beginImport(campaignID: "conf2", file: "again.csv", actor: "tester", now: StoreFixture.now)
        _ = try store.stage([StoreFixture.contact("+358401110001", line: 2)], into: staging, campaignID: "conf2",
                            doNotCall: try store.makeDoNotCallLookup())
        try store.publishImport(staging, campaignID: "conf2",
                                tally: ImportTally(rowsRead: 1, imported: 1, invalid: 0, duplicates: 0, doNotCall: 0),
                                fields: ["store"], file: "again.csv", actor: "tester", now: StoreFixture.now)
        var queue = ContactQueue(store: store, campaignID: "conf2", agent: "sari")
        guard case .nothing = try queue.claimNext(now: StoreFixture.now + 120) else {
            Issue.record("a number that completed \(first) a moment ago was served again")
            return
        }
        let held = try store.contactCounts(campaignID: "conf2", now: StoreFixture.now + 120)
        #expect(held.scheduled == 1 && held.done == 0)
    }

    @Test(arguments: StoreEngine.available)
    func aNoAnswerSchedulesARetryAndTheCallIsKeptWithItsParadata(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001"])
        let store = fixture.store
        let claimed = try #require(try fixture.claim(liisa))
        let id = try #require(claimed.contact.id)
        let paradata = CallParadata(dialledAt: StoreFixture.now, ringSeconds: 30, sipStatus: 480,
                                    sipReason: "Temporarily Unavailable", codedBy: .line)
        try store.addNote(contactID: id, interviewID: nil, holder: liisa, text: "soita iltapäivällä", now: StoreFixture.now + 39)
        let contact = try store.recordCall(contactID: id, holder: liisa, startedAt: StoreFixture.now,
                                           result: CallResult(outcome: .noAnswer, paradata: paradata),
                                           now: StoreFixture.now + 40)
        #expect(contact.status == .scheduled && contact.attempts == 1)
        #expect(try #require(contact.nextCallAt) > StoreFixture.now + 40)
        // Due again later: the card shows the earlier call and the note.
        let again = try #require(try fixture.claim(pekka, at: contact.nextCallAt! + 1))
        #expect(again.reason == .retry && again.calls.count == 1 && again.notes.map(\.text) == ["soita iltapäivällä"])
        #expect(again.calls[0].outcome == .noAnswer && again.calls[0].paradata?.sipStatus == 480)
        var calls: [ExportedCall] = []
        try store.exportCalls(ExportSelection(campaignID: StoreFixture.campaignID), personal: false) { calls.append($0) }
        #expect(calls.count == 1 && calls[0].ringSeconds == 30 && calls[0].codedBy == "line" && calls[0].phone == nil)
        let counts = try store.contactCounts(campaignID: StoreFixture.campaignID, now: contact.nextCallAt! + 1)
        #expect(counts.scheduled == 1 && counts.inProgress == 1)
    }

    @Test(arguments: StoreEngine.available)
    func anInterruptedContactComesBackToItsAgentFirst(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001", "+358401110002"])
        let claimed = try #require(try fixture.claim(liisa))
        // Liisa's console dies; her next console (a new session) takes the contact back at once.
        let next = LeaseHolder(agent: "liisa", session: "host:300:1")
        let queue = fixture.queue(next)
        let back = try #require(try queue.reclaimInterrupted(now: StoreFixture.now + 5) { $0 == liisa.session })
        #expect(back.contact.id == claimed.contact.id && back.reason == .interrupted)
        // A live console of the same agent keeps its contact.
        #expect(try fixture.queue(liisa).reclaimInterrupted(now: StoreFixture.now + 6) { _ in false } == nil)
    }

    @Test(arguments: StoreEngine.available)
    func aWriteAfterTheLeasePassedToAnotherAgentIsRefusedAndChangesNothing(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001"])
        let store = fixture.store
        let id = try #require(try fixture.claim(liisa)?.contact.id)
        let (interview, liisaCall) = try store.startInterview(contactID: id, holder: liisa, language: "fi",
                                                              callStartedAt: StoreFixture.now, now: StoreFixture.now)
        try store.saveAnswer(interviewID: interview.id!, contactID: id, questionID: "nps", answer: .answer(.number(9)),
                             holder: liisa, alerts: [], leaseUntil: StoreFixture.now + 60, now: StoreFixture.now + 5)
        // Liisa's lease runs out; Pekka takes the contact and answers NPS again.
        let taken = try #require(try fixture.claim(pekka, at: StoreFixture.now + 61))
        #expect(taken.contact.id == id && taken.answers.count == 1)
        try store.closeInterruptedCall(callID: liisaCall, contactID: id, holder: pekka, code: "2.12")
        let (resumed, pekkaCall) = try store.startInterview(contactID: id, holder: pekka, language: "fi",
                                                            callStartedAt: StoreFixture.now + 62, now: StoreFixture.now + 62)
        try store.saveAnswer(interviewID: resumed.id!, contactID: id, questionID: "nps", answer: .answer(.number(3)),
                             holder: pekka, alerts: [], leaseUntil: StoreFixture.now + 200, now: StoreFixture.now + 70)

        let lost = StoreError.leaseLost(contactID: id, takenBy: "pekka")
        #expect(throws: lost) {
            try store.saveAnswer(interviewID: interview.id!, contactID: id, questionID: "nps", answer: .answer(.number(10)),
                                 holder: liisa, alerts: [], leaseUntil: StoreFixture.now + 200, now: StoreFixture.now + 71)
        }
        #expect(throws: lost) {
            try store.completeInterview(interviewID: interview.id!, callID: liisaCall, contactID: id, holder: liisa,
                                        now: StoreFixture.now + 72)
        }
        #expect(throws: lost) {
            try store.recordCall(contactID: id, holder: liisa, startedAt: StoreFixture.now,
                                 result: CallResult(outcome: .refused), now: StoreFixture.now + 73)
        }
        #expect(throws: lost) {
            try store.addNote(contactID: id, interviewID: nil, holder: liisa, text: "x", now: StoreFixture.now + 74)
        }
        #expect(try !store.renewLease(contactID: id, holder: liisa, until: StoreFixture.now + 999))
        #expect(try !store.releaseContact(contactID: id, holder: liisa))
        // Pekka's interview goes on untouched.
        try store.completeInterview(interviewID: resumed.id!, callID: pekkaCall, contactID: id, holder: pekka,
                                    now: StoreFixture.now + 80)
        let rows = try fixture.exported()
        #expect(rows.count == 1 && rows[0].agent == "pekka")
        #expect(rows[0].answers.first { $0.questionID == "nps" }?.value == .integer(3))
    }

    /// Eight consoles, each with its own connection, claim and code no-answers until the list is
    /// worked: every contact is served exactly once per round and the calls add up.
    @Test(arguments: StoreEngine.available)
    func concurrentConsolesNeverShareAContact(engine: StoreEngine) throws {
        let phones = (0..<80).map { "+35840222\(String(format: "%04d", $0))" }
        let fixture = try StoreFixture(engine: engine, phones: phones)
        let served = Served()
        let failures = Served()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            do {
                let store = try fixture.location.open()
                let holder = LeaseHolder(agent: "agent\(worker)", session: "host:\(worker):1")
                var queue = fixture.queue(holder, store: store)
                while case let .claimed(claimed) = try queue.claimNext(now: StoreFixture.now) {
                    let id = claimed.contact.id!
                    served.add(id)
                    try store.recordCall(contactID: id, holder: holder, startedAt: StoreFixture.now,
                                         result: CallResult(outcome: .refused), now: StoreFixture.now + 1)
                }
            } catch {
                failures.add(-1)
            }
        }
        #expect(failures.ids.isEmpty)
        #expect(served.ids.count == 80 && Set(served.ids).count == 80)
        let counts = try fixture.store.contactCounts(campaignID: StoreFixture.campaignID, now: StoreFixture.now + 2)
        #expect(counts.done == 80)
        let tallies = try fixture.store.statsTallies(campaignID: StoreFixture.campaignID, request: fixture.statsRequest())
        #expect(tallies.agents.map(\.calls).reduce(0, +) == 80)
    }
}

/// Contact ids collected from several threads.
final class Served: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int64] = []

    func add(_ id: Int64) { lock.withLock { list.append(id) } }

    var ids: [Int64] { lock.withLock { list } }
}
