import CallPulseDomain
import CallPulseStore
import CallPulseTestSupport
import Testing

/// The store conformance suite, interviews and the figures read from them: answers, endings,
/// follow-ups, stats tallies, the report's extra tallies and the export stream.
@Suite struct InterviewConformanceTests {
    let liisa = LeaseHolder(agent: "liisa", session: "host:100:1")

    @Test(arguments: StoreEngine.available)
    func completedInterviewsAreTalliedAndExportedAsAnswered(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine)
        try fixture.interview(liisa, [("nps", .number(10)), ("nps_reason", .text("Nopea ja \"ystävällinen\"; kiitos")),
                                      ("ces", .number(5)), ("csat", .number(5))])
        try fixture.interview(liisa, [("nps", .number(3)), ("nps_reason", .text("=SUM(A1)")), ("ces", .number(2)),
                                      ("csat", .number(2)), ("may_contact", .bool(true))])
        let tallies = try fixture.store.statsTallies(campaignID: StoreFixture.campaignID, request: fixture.statsRequest())
        #expect(tallies.answers["nps"] == [10: 1, 3: 1])
        #expect(tallies.answers["csat"] == [5: 1, 2: 1])
        #expect(tallies.choices["may_contact"]?["true"] == 1)
        #expect(tallies.agents.first { $0.agent == "liisa" }?.completes == 2)

        let rows = try fixture.exported()
        #expect(rows.count == 2 && rows.allSatisfy { $0.disposition == "1.1" })
        let reasons = rows.compactMap { $0.answers.first { $0.questionID == "nps_reason" }?.value }
        #expect(reasons == [.text("Nopea ja \"ystävällinen\"; kiitos"), .text("=SUM(A1)")])

        var open: [ReportTallies.OpenAnswer] = []
        let (_, report) = try fixture.store.reportTallies(
            campaignID: StoreFixture.campaignID, stats: fixture.statsRequest(),
            report: ReportRequest(timelineQuestions: ["nps"], npsQuestion: "nps", textQuestions: ["nps_reason"])) {
            open.append($0)
        }
        #expect(open.map(\.text).sorted() == ["=SUM(A1)", "Nopea ja \"ystävällinen\"; kiitos"])
        // csat <= 2, nps <= 6 and may_contact = yes in the second.
        #expect(report.followUpsCreated == 3)
    }

    @Test(arguments: StoreEngine.available)
    func alertsOpenFollowUpsThatASupervisorResolves(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine)
        try fixture.interview(liisa, [("nps", .number(2)), ("ces", .number(1)), ("csat", .number(1)),
                                      ("may_contact", .bool(true))])
        let open = try fixture.store.followUps(campaignID: StoreFixture.campaignID, openOnly: true)
        // csat <= 2, nps <= 6 and may_contact = yes: three alerts, three follow-ups.
        #expect(open.count == 3)
        #expect(open.allSatisfy { $0.contact.phone == "+358401110001" && $0.answers["nps"] != nil })
        let resolved = try fixture.store.resolveFollowUp(id: open[0].followUp.id!, by: "sari", note: "soitettu",
                                                         now: StoreFixture.now + 3600)
        #expect(resolved.resolvedBy == "sari" && resolved.resolutionNote == "soitettu")
        #expect(try fixture.store.followUps(campaignID: StoreFixture.campaignID, openOnly: true).count == 2)
        #expect(try fixture.store.followUps(campaignID: nil, openOnly: false).count == 3)
    }

    @Test(arguments: StoreEngine.available)
    func aBreakOffAndARefusalEndWithTheirDispositions(engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine: engine, phones: ["+358401110001", "+358401110002"])
        let store = fixture.store
        let first = try #require(try fixture.claim(liisa)?.contact.id)
        let (interview, call) = try store.startInterview(contactID: first, holder: liisa, language: "sv",
                                                         callStartedAt: StoreFixture.now, now: StoreFixture.now)
        try store.saveAnswer(interviewID: interview.id!, contactID: first, questionID: "nps",
                             answer: RecordedAnswer(special: .dontKnow), holder: liisa, alerts: [],
                             leaseUntil: StoreFixture.now + 60, now: StoreFixture.now + 5)
        try store.breakOffInterview(interviewID: interview.id!, callID: call, contactID: first, holder: liisa,
                                    callbackAt: StoreFixture.now + 7200, answeredShare: 0.2, now: StoreFixture.now + 10)
        let second = try #require(try fixture.claim(liisa, at: StoreFixture.now + 20)?.contact.id)
        let (refusal, refusalCall) = try store.startInterview(contactID: second, holder: liisa, language: "en",
                                                              callStartedAt: StoreFixture.now + 20, now: StoreFixture.now + 20)
        try store.endInterview(interviewID: refusal.id!, callID: refusalCall, contactID: second, holder: liisa,
                               disposition: "2.11", now: StoreFixture.now + 25)
        let counts = try store.contactCounts(campaignID: StoreFixture.campaignID, now: StoreFixture.now + 30)
        #expect(counts.byDisposition == ["2.11": 1] && counts.scheduled == 1)
        // The appointment brings the broken-off interview back with its answer.
        let back = try #require(try fixture.claim(liisa, at: StoreFixture.now + 7201))
        #expect(back.reason == .appointment && back.resumable?.id == interview.id)
        #expect(back.answers.map(\.special) == [.dontKnow])
        let partials = try fixture.exported(includePartials: true)
        #expect(partials.map(\.language).sorted() == ["en", "sv"])
    }
}
