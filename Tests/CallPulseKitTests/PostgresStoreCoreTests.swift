import CallPulseDomain
import CallPulsePostgres
import CallPulseSQLite
import CallPulseStore
import CallPulseTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// The protocols `PostgresStore` implements on this branch (the rest come with the data half).
typealias CoreStore = AuditStore & CallStore & CampaignStore & FollowUpStore & InterviewStore & QueueStore

/// `PostgresStore`'s campaigns, queue, calls, interviews, follow-ups and audit trail on a real
/// throwaway server: claims that serve each contact once with eight stores claiming at once,
/// leases that refuse a console that lost its contact, and the same rows as SQLite for the same
/// sequence of calls and interviews. Contacts are inserted directly (imports are not part of it).
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresStoreCoreTests {
    /// 2026-11-23 10:00 Europe/Helsinki, a Monday inside the default calling window.
    static let now: Int64 = 1_795_420_800
    static let zone = "Europe/Helsinki"
    let liisa = LeaseHolder(agent: "liisa", session: "host:100:1")
    let pekka = LeaseHolder(agent: "pekka", session: "host:200:1")

    /// One store with a campaign, and a way to put contacts in it behind the store's back.
    struct Fixture {
        let store: any CoreStore
        let campaign: Campaign
        let script: InterviewScript
        let insert: ([String]) throws -> Void
        let contactRows: () throws -> [String]

        func request(_ holder: LeaseHolder, at now: Int64 = PostgresStoreCoreTests.now, lease: Int64 = 60) throws -> ClaimRequest {
            ClaimRequest(campaign: try store.campaignRules(id: campaign.id), holder: holder, leaseSeconds: lease,
                         appointmentGrace: 300, openZones: [zone], zones: [zone], now: now)
        }

        func claim(_ holder: LeaseHolder, at now: Int64 = PostgresStoreCoreTests.now) throws -> ClaimedContact? {
            guard case let .claimed(claimed) = try store.claimNext(request(holder, at: now)) else { return nil }
            return claimed
        }
    }

    static func makeCampaign(maxAttempts: Int = 6) throws -> (Campaign, InterviewScript) {
        let file = Self.repositoryPath("Scripts/customer-service-pulse.yaml")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        var rules = CampaignRules()
        rules.maxAttempts = maxAttempts
        let campaign = try Campaign.make(id: "core", scriptYAML: yaml, scriptFile: file, client: "Testi Oy", title: nil,
                                         fields: ["store"], rules: rules, now: now - 3600)
        return (campaign, try InterviewScript.parse(yaml: yaml, file: file))
    }

    static func repositoryPath(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/" + relative
    }

    static let contactColumns = """
        phone || '|' || status || '|' || COALESCE(disposition, '-') || '|' || attempts || '|' ||
        COALESCE(CAST(nextCallAt AS TEXT), '-') || '|' || COALESCE(leaseAgent, '-') || '|' || COALESCE(appointmentAgent, '-')
        || '|' || COALESCE(lastCode, '-')
        """

    static func postgres(maxAttempts: Int = 6) throws -> (Fixture, String) {
        let conninfo = try PostgresTestServer.makeDatabase()
        let store = try PostgresStore.open(conninfo)
        let (campaign, script) = try makeCampaign(maxAttempts: maxAttempts)
        try store.createCampaign(campaign, actor: "tester")
        let db = try PGConnection(conninfo)
        let fixture = Fixture(store: store, campaign: campaign, script: script, insert: { phones in
            for phone in phones {
                try db.execute("""
                    INSERT INTO contact (campaignId, phone, phoneRegion, name, language, fields)
                    VALUES ($1, $2, 'FI', 'Asiakas', 'fi', '{"store":"Helsinki"}')
                    """, [campaign.id, phone])
            }
        }, contactRows: {
            try db.execute("SELECT \(contactColumns) FROM contact ORDER BY phone").rows.map { try $0.value(at: 0) }
        })
        return (fixture, conninfo)
    }

    static func sqlite(in folder: TemporaryDirectory, maxAttempts: Int = 6) throws -> Fixture {
        let store = try AppDatabase.open(path: folder.file("core.sqlite"))
        let (campaign, script) = try makeCampaign(maxAttempts: maxAttempts)
        try store.createCampaign(campaign, actor: "tester")
        return Fixture(store: store, campaign: campaign, script: script, insert: { phones in
            try store.write { db in
                for phone in phones {
                    try db.execute(sql: """
                        INSERT INTO contact (campaignId, phone, phoneRegion, name, language, fields)
                        VALUES (?, ?, 'FI', 'Asiakas', 'fi', '{"store":"Helsinki"}')
                        """, arguments: [campaign.id, phone])
                }
            }
        }, contactRows: {
            try store.read { db in try String.fetchAll(db, sql: "SELECT \(contactColumns) FROM contact ORDER BY phone") }
        })
    }

    // MARK: - Claims

    @Test func eightStoresClaimingAtOnceServeEachContactOnce() throws {
        let (fixture, conninfo) = try Self.postgres()
        let phones = (0..<400).map { String(format: "+3584011%05d", $0) }
        try fixture.insert(phones)
        let stores = try (0..<8).map { _ in try PostgresStore.open(conninfo) }
        let campaign = try fixture.store.campaignRules(id: fixture.campaign.id)
        let served = Mutex<[Int64: String]>([:])
        let twice = Mutex<[Int64]>([])
        let failures = Mutex<[String]>([])
        let ready = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for _ in 0..<8 { ready.enter() }
        DispatchQueue.global().async {
            ready.wait()
            for _ in 0..<8 { start.signal() }
        }
        // Real threads, not concurrentPerform: it runs only as many at once as there are cores, and the
        // start barrier waits for all eight.
        let finished = DispatchGroup()
        for index in 0..<8 {
            finished.enter()
            Thread {
                defer { finished.leave() }
                ready.leave()
                start.wait()
                let holder = LeaseHolder(agent: "agent\(index)", session: "host:\(index):1")
                let request = ClaimRequest(campaign: campaign, holder: holder, leaseSeconds: 600, appointmentGrace: 300,
                                           openZones: [Self.zone], zones: [Self.zone], now: Self.now)
                do {
                    while case let .claimed(claimed) = try stores[index].claimNext(request) {
                        let id = claimed.contact.id!
                        served.withLock { served in
                            if served[id] != nil { twice.withLock { $0.append(id) } }
                            served[id] = holder.agent
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        finished.wait()
        #expect(failures.withLock { $0 } == [])
        #expect(twice.withLock { $0 } == [])
        let byContact = served.withLock { $0 }
        #expect(byContact.count == phones.count)
        // Each lease in the table is the one the claim returned.
        let db = try PGConnection(conninfo)
        let leases = try db.execute("SELECT id, leaseAgent FROM contact").rows
        for row in leases {
            #expect(byContact[try row.value("id", as: Int64.self)] == (try row.value("leaseAgent", as: String.self)))
        }
    }

    @Test func leasesRenewReleaseAndRunOut() throws {
        let (fixture, _) = try Self.postgres()
        try fixture.insert(["+358401110001", "+358401110002"])
        let store = fixture.store
        let first = try #require(try fixture.claim(liisa))
        let second = try #require(try fixture.claim(pekka))
        #expect(first.contact.id != second.contact.id)
        #expect(first.reason == .fresh && first.contact.leaseAgent == "liisa")
        #expect(try fixture.claim(LeaseHolder(agent: "sari")) == nil)
        #expect(try store.renewLease(contactID: first.contact.id!, holder: liisa, until: Self.now + 600))
        #expect(try !store.renewLease(contactID: first.contact.id!, holder: pekka, until: Self.now + 600))
        #expect(try fixture.claim(LeaseHolder(agent: "sari"), at: Self.now + 61)?.contact.id == second.contact.id)
        #expect(try store.releaseContact(contactID: first.contact.id!, holder: liisa))
        #expect(try !store.releaseContact(contactID: first.contact.id!, holder: liisa))
        #expect(try fixture.claim(pekka, at: Self.now + 62)?.contact.id == first.contact.id)
        guard case let .nothing(reason) = try store.claimNext(fixture.request(liisa, at: Self.now + 63)) else {
            Issue.record("a contact was served twice")
            return
        }
        #expect(reason == NothingToCall.reason(NothingToCall.Tally(remaining: 2, total: 2, leased: 2, nextAt: nil, due: 2),
                                               campaign: try store.campaignRules(id: "core"), zones: [Self.zone],
                                               now: Self.now + 63))
    }

    @Test func aLostLeaseRefusesEveryWriteAndChangesNothing() throws {
        let (fixture, conninfo) = try Self.postgres()
        try fixture.insert(["+358401110001"])
        let store = fixture.store
        let mine = try #require(try fixture.claim(liisa))
        let id = try #require(mine.contact.id)
        let (interview, callID) = try store.startInterview(contactID: id, holder: liisa, language: "fi",
                                                           callStartedAt: Self.now, now: Self.now)
        // Liisa's lease runs out and Pekka's console takes the contact.
        let taken = try #require(try fixture.claim(pekka, at: Self.now + 120))
        #expect(taken.contact.id == id && taken.reason == .fresh)
        let db = try PGConnection(conninfo)
        func snapshot() throws -> [String] {
            try db.execute("""
                SELECT 'contact ' || \(Self.contactColumns) FROM contact
                UNION ALL SELECT 'calls ' || count(*) FROM call
                UNION ALL SELECT 'answers ' || count(*) FROM answer
                UNION ALL SELECT 'notes ' || count(*) FROM note
                UNION ALL SELECT 'interview ' || status FROM interview
                """).rows.map { try $0.value(at: 0) }
        }
        let before = try snapshot()
        let lost = StoreError.leaseLost(contactID: id, takenBy: "pekka")
        #expect(throws: lost) {
            try store.recordCall(contactID: id, holder: liisa, startedAt: Self.now, result: CallResult(outcome: .noAnswer),
                                 now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.addNote(contactID: id, interviewID: nil, holder: liisa, text: "x", now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.saveAnswer(interviewID: interview.id!, contactID: id, questionID: "nps", answer: .answer(.number(3)),
                                 holder: liisa, alerts: [], leaseUntil: Self.now + 300, now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.completeInterview(interviewID: interview.id!, callID: callID, contactID: id, holder: liisa,
                                        now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.breakOffInterview(interviewID: interview.id!, callID: callID, contactID: id, holder: liisa,
                                        callbackAt: nil, answeredShare: 0, now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.startInterview(contactID: id, holder: liisa, language: "fi", callStartedAt: Self.now + 130,
                                     now: Self.now + 130)
        }
        #expect(throws: lost) {
            try store.closeInterruptedCall(callID: callID, contactID: id, holder: liisa, code: "2.12")
        }
        #expect(try !store.renewLease(contactID: id, holder: liisa, until: Self.now + 900))
        #expect(try !store.releaseContact(contactID: id, holder: liisa))
        #expect(try snapshot() == before)
        #expect(throws: StoreError.contactNotFound(999)) {
            try store.addNote(contactID: 999, interviewID: nil, holder: liisa, text: "x", now: Self.now)
        }
    }

    @Test func anAppointmentWaitsForItsAgentThroughTheGraceThenGoesToAnyone() throws {
        let (fixture, _) = try Self.postgres()
        try fixture.insert(["+358401110001"])
        let claimed = try #require(try fixture.claim(liisa))
        let at = Self.now + 7200
        let contact = try fixture.store.recordCall(contactID: claimed.contact.id!, holder: liisa, startedAt: Self.now,
                                                   result: CallResult(outcome: .callBack, note: "klo 12", callbackAt: at),
                                                   now: Self.now + 30)
        #expect(contact.status == .scheduled && contact.nextCallAt == at && contact.appointmentAgent == "liisa")
        #expect(try fixture.claim(pekka, at: at - 1) == nil)
        #expect(try fixture.claim(pekka, at: at + 10) == nil)
        let late = try #require(try fixture.claim(pekka, at: at + 301))
        #expect(late.reason == .appointment && late.calls.count == 1 && late.notes.map(\.text) == ["klo 12"])
        #expect(try fixture.store.releaseContact(contactID: late.contact.id!, holder: pekka))
        let own = try #require(try fixture.claim(liisa, at: at + 302))
        #expect(own.reason == .appointment && own.contact.appointmentNote == "klo 12")
    }

    @Test func doNotCallStagedAndInterruptedContacts() throws {
        let (fixture, conninfo) = try Self.postgres()
        try fixture.insert(["+358401110001", "+358401110002"])
        let db = try PGConnection(conninfo)
        try db.execute("INSERT INTO doNotCall (phone, addedAt, addedBy, source) VALUES ('+358401110001', 1, 'x', 'test')")
        let importID = try #require(try db.execute("""
            INSERT INTO callListImport (campaignId, file, importedAt, importedBy, rowsRead, imported, invalid, duplicates,
                                        doNotCall, state)
            VALUES ('core', 'late.csv', 1, 'x', 1, 1, 0, 0, 0, 'staging') RETURNING id
            """).scalar(Int64.self))
        try db.execute("""
            INSERT INTO contact (campaignId, phone, fields, importId, importLine) VALUES ('core', '+358401110000', '{}', $1, 2)
            """, [importID])
        // The listed number ends as 2.11, the staged one is never served, the other one is.
        let served = try #require(try fixture.claim(liisa))
        #expect(served.contact.phone == "+358401110002")
        #expect(try fixture.claim(pekka) == nil)
        #expect(try fixture.contactRows() == [
            "+358401110000|new|-|0|-|-|-|-", "+358401110001|done|2.11|0|-|-|-|-", "+358401110002|new|-|0|-|liisa|-|-",
        ])
        let counts = try fixture.store.contactCounts(campaignID: "core", now: Self.now)
        #expect(counts.total == 2 && counts.done == 1 && counts.inProgress == 1 && counts.byDisposition == ["2.11": 1])
        // Liisa's console dies mid-interview; her next one takes the contact back and closes the call.
        let id = served.contact.id!
        let (interview, callID) = try fixture.store.startInterview(contactID: id, holder: liisa, language: "fi",
                                                                   callStartedAt: Self.now, now: Self.now)
        try fixture.store.saveAnswer(interviewID: interview.id!, contactID: id, questionID: "nps", answer: .answer(.number(9)),
                                     holder: liisa, alerts: [], leaseUntil: Self.now + 120, now: Self.now + 20)
        let next = LeaseHolder(agent: "liisa", session: "host:300:1")
        #expect(try fixture.store.reclaimInterrupted(campaignID: "core", holder: next, leaseSeconds: 60, now: Self.now + 5,
                                                     isGone: { _ in false }) == nil)
        let back = try #require(try fixture.store.reclaimInterrupted(campaignID: "core", holder: next, leaseSeconds: 60,
                                                                     now: Self.now + 30, isGone: { $0 == liisa.session }))
        #expect(back.reason == .interrupted && back.resumable?.id == interview.id && back.answers.count == 1)
        #expect(back.interruptedCall?.id == callID)
        try fixture.store.closeInterruptedCall(callID: callID, contactID: id, holder: next, code: "2.12")
        let row = try #require(try db.execute("SELECT endedAt, aapor FROM call WHERE id = $1", [callID]).first)
        #expect(try row.value("endedAt", as: Int64.self) == Self.now + 20 && row.value("aapor", as: String.self) == "2.12")
        #expect(try db.execute("SELECT status FROM interview").scalar(String.self) == "brokenOff")
    }

    // MARK: - Campaigns and audit

    @Test func campaignsAreCreatedPausedClosedAndAudited() throws {
        let (fixture, _) = try Self.postgres()
        let store = fixture.store
        #expect(throws: StoreError.campaignExists("core")) { try store.createCampaign(fixture.campaign, actor: "tester") }
        #expect(try store.campaigns().map(\.id) == ["core"])
        let stored = try store.campaign(id: "core")
        #expect(stored.scriptYAML == fixture.campaign.scriptYAML && stored.fields == ["store"])
        #expect(try store.campaignRules(id: "core").scriptYAML == "")
        #expect(throws: StoreError.campaignNotFound("nope")) { try store.campaign(id: "nope") }
        try fixture.insert(["+358401110001"])
        #expect(try store.setStatus(.paused, campaignID: "core", actor: "sari", at: Self.now).status == .paused)
        guard case .nothing = try store.claimNext(fixture.request(liisa)) else {
            Issue.record("a paused campaign served a contact")
            return
        }
        #expect(try store.setStatus(.active, campaignID: "core", actor: "sari", at: Self.now + 1).closedAt == nil)
        #expect(try store.setStatus(.closed, campaignID: "core", actor: "sari", at: Self.now + 2).closedAt == Self.now + 2)
        #expect(throws: StoreError.campaignClosed("core")) {
            try store.setStatus(.active, campaignID: "core", actor: "sari", at: Self.now + 3)
        }
        #expect(try store.contactFieldNames(campaign: stored) == ["store"])
        let trail = try store.auditTrail(campaignID: "core", since: nil, limit: 10)
        #expect(trail.map(\.action) == ["create", "pause", "resume", "close"])
        #expect(try store.auditTrail(campaignID: nil, since: Self.now + 1, limit: 1).map(\.action) == ["close"])
    }

    // MARK: - Interviews and follow-ups

    @Test func answersOpenAndCloseFollowUpsAndChangesAreAudited() throws {
        let (fixture, _) = try Self.postgres()
        try fixture.insert(["+358401110001"])
        let store = fixture.store
        let id = try #require(try fixture.claim(liisa)?.contact.id)
        let (interview, callID) = try store.startInterview(contactID: id, holder: liisa, language: "fi",
                                                           callStartedAt: Self.now, now: Self.now)
        var state = InterviewState(script: fixture.script, language: "en")
        func answer(_ question: String, _ value: AnswerValue, at offset: Int64) throws -> FollowUpChanges {
            _ = try state.record(.answer(value), for: question)
            return try store.saveAnswer(interviewID: interview.id!, contactID: id, questionID: question,
                                        answer: .answer(value), holder: liisa, alerts: state.followUpAlerts(),
                                        leaseUntil: Self.now + 600, now: Self.now + offset)
        }
        #expect(try answer("nps", .number(9), at: 1) == FollowUpChanges())
        #expect(try answer("ces", .number(4), at: 2) == FollowUpChanges())
        let low = try answer("csat", .number(1), at: 3)
        #expect(low.opened.count == 1 && low.closed.isEmpty)
        let corrected = try answer("csat", .number(5), at: 4)
        #expect(corrected.closed.map(\.resolutionNote) == [FollowUpChanges.Note.answerCorrected])
        let again = try answer("csat", .number(2), at: 5)
        #expect(again.opened.map(\.id) == low.opened.map(\.id))
        _ = try answer("may_contact", .bool(true), at: 6)
        try store.completeInterview(interviewID: interview.id!, callID: callID, contactID: id, holder: liisa, now: Self.now + 30)
        #expect(try fixture.contactRows() == ["+358401110001|done|1.1|1|-|-|-|1.1"])

        let open = try store.followUps(campaignID: "core", openOnly: true)
        #expect(open.count == 2 && open.allSatisfy { $0.contact.id == id && $0.answers["csat"]?.number == 2 })
        let followUpID = try #require(open.first?.followUp.id)
        let resolved = try store.resolveFollowUp(id: followUpID, by: "sari", note: "soitettu", now: Self.now + 100)
        #expect(resolved.resolvedBy == "sari" && resolved.resolvedAt == Self.now + 100)
        #expect(throws: FollowUpError.self) { try store.resolveFollowUp(id: followUpID, by: "sari", note: "x", now: Self.now) }
        #expect(throws: FollowUpError.notFound(999)) { try store.resolveFollowUp(id: 999, by: "sari", note: "x", now: Self.now) }
        #expect(try store.followUps(campaignID: nil, openOnly: false).count == 2)
        #expect(try store.followUps(campaignID: "core", openOnly: true).count == 1)
        let trail = try store.auditTrail(campaignID: "core", since: nil, limit: 20)
        #expect(trail.map(\.action) == ["create", "change-answer", "resolve", "change-answer", "reopen", "resolve"])
        #expect(trail[1].detail == "csat: 1 → 5" && trail[1].actor == "liisa")
    }

    @Test(arguments: [(0.6, "1.2"), (0.2, "2.12")])
    func aBreakOffWithNoAttemptsLeftEndsAsPartialOrBreakOff(share: Double, code: String) throws {
        let (fixture, conninfo) = try Self.postgres(maxAttempts: 1)
        try fixture.insert(["+358401110001"])
        let id = try #require(try fixture.claim(liisa)?.contact.id)
        let (interview, callID) = try fixture.store.startInterview(contactID: id, holder: liisa, language: "fi",
                                                                   callStartedAt: Self.now, now: Self.now)
        try fixture.store.breakOffInterview(interviewID: interview.id!, callID: callID, contactID: id, holder: liisa,
                                            callbackAt: nil, answeredShare: share, now: Self.now + 60)
        #expect(try fixture.contactRows() == ["+358401110001|done|\(code)|1|-|-|-|\(code)"])
        let db = try PGConnection(conninfo)
        #expect(try db.execute("SELECT status || ' ' || disposition FROM interview").scalar(String.self) == "brokenOff \(code)")
    }

    // MARK: - The same as SQLite

    /// Calls and interviews of every kind on five contacts: a retry, an appointment, a refusal,
    /// never call again, a break-off with a call-back and its resumption to a complete.
    static func workDay(_ fixture: Fixture) throws -> [String] {
        let store = fixture.store
        let (liisa, pekka) = (LeaseHolder(agent: "liisa", session: "a"), LeaseHolder(agent: "pekka", session: "b"))
        try fixture.insert((1...5).map { "+35840111000\($0)" })
        var log: [String] = []
        func next(_ holder: LeaseHolder, at now: Int64) throws -> ClaimedContact {
            let claimed = try #require(try fixture.claim(holder, at: now))
            log.append("\(claimed.contact.phone) \(claimed.reason) \(holder.agent)")
            return claimed
        }
        var contact = try next(liisa, at: now).contact
        log.append("\(try store.recordCall(contactID: contact.id!, holder: liisa, startedAt: now, result: CallResult(outcome: .noAnswer), now: now + 20))")
        contact = try next(pekka, at: now + 30).contact
        try store.recordCall(contactID: contact.id!, holder: pekka, startedAt: now + 30,
                             result: CallResult(outcome: .callBack, note: "later", callbackAt: now + 3600), now: now + 60)
        contact = try next(liisa, at: now + 70).contact
        try store.recordCall(contactID: contact.id!, holder: liisa, startedAt: now + 70,
                             result: CallResult(outcome: .refused), now: now + 80)
        contact = try next(liisa, at: now + 90).contact
        try store.recordCall(contactID: contact.id!, holder: liisa, startedAt: now + 90,
                             result: CallResult(outcome: .neverCallAgain, note: "ei enää"), now: now + 100)
        contact = try next(pekka, at: now + 110).contact
        var started = try store.startInterview(contactID: contact.id!, holder: pekka, language: "fi", callStartedAt: now + 110,
                                               now: now + 115)
        try store.saveAnswer(interviewID: started.interview.id!, contactID: contact.id!, questionID: "nps",
                             answer: .answer(.number(8)), holder: pekka, alerts: [], leaseUntil: now + 400, now: now + 120)
        try store.breakOffInterview(interviewID: started.interview.id!, callID: started.callID, contactID: contact.id!,
                                    holder: pekka, callbackAt: now + 1800, answeredShare: 0.2, now: now + 130)
        let resumed = try next(pekka, at: now + 1800)
        log.append("resumable \(resumed.resumable?.status.rawValue ?? "-") answers \(resumed.answers.count)")
        started = try store.startInterview(contactID: resumed.contact.id!, holder: pekka, language: "fi",
                                           callStartedAt: now + 1800, now: now + 1800)
        try store.completeInterview(interviewID: started.interview.id!, callID: started.callID, contactID: resumed.contact.id!,
                                    holder: pekka, now: now + 1900)
        let counts = try store.contactCounts(campaignID: "core", now: now + 1900)
        log.append("counts \(counts.total) \(counts.done) \(counts.scheduled) \(counts.byDisposition.sorted { $0.key < $1.key })")
        log += try fixture.contactRows()
        log += try store.auditTrail(campaignID: nil, since: nil, limit: 50).map { "\($0.action) \($0.entity) \($0.detail ?? "")" }
        return log
    }

    @Test func aDayOfCallsLeavesTheSameRowsAsSQLite() throws {
        let folder = try TemporaryDirectory()
        let sqlite = try Self.workDay(try Self.sqlite(in: folder))
        let postgres = try Self.workDay(try Self.postgres().0)
        #expect(postgres == sqlite)
        #expect(sqlite.count > 10)

    }
}
