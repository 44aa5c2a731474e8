import CallPulseDomain
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing

/// A campaign on the bundled customer-service script with a few contacts imported through the
/// store's staging (as `callpulse import` does), at a Monday 10:00 in Helsinki.
struct StoreFixture {
    /// 2026-11-23 10:00 Europe/Helsinki, a Monday inside the default calling window.
    static let now: Int64 = 1_795_420_800
    static let campaignID = "conf"

    let location: StoreLocation
    let store: any CallPulseStore
    let campaign: Campaign
    let script: InterviewScript

    init(engine: StoreEngine, phones: [String] = ["+358401110001", "+358401110002", "+358401110003"]) throws {
        location = try engine.makeLocation()
        store = try location.open()
        let file = Self.repositoryPath("Scripts/customer-service-pulse.yaml")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        campaign = try Campaign.make(id: Self.campaignID, scriptYAML: yaml, scriptFile: file, client: "Testi Oy",
                                     title: nil, fields: ["store"], rules: CampaignRules(), now: Self.now - 3600)
        script = try InterviewScript.parse(yaml: yaml, file: file)
        try store.createCampaign(campaign, actor: "tester")
        if !phones.isEmpty { try importContacts(phones) }
    }

    static func repositoryPath(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/" + relative
    }

    static func contact(_ phone: String, line: Int, store: String = "Helsinki") -> StagedContact {
        StagedContact(phone: phone, region: "FI", name: "Asiakas \(line)", firstName: "Asiakas", lastName: "\(line)",
                      language: "fi", timeZone: nil, fieldsJSON: #"{"store":"\#(store)"}"#, line: line)
    }

    /// Imports `phones` through staging and publishes them; returns what became of each.
    @discardableResult
    func importContacts(_ phones: [String], file: String = "list.csv") throws -> [StagedContact.Outcome] {
        let staging = try store.beginImport(campaignID: campaign.id, file: file, actor: "tester", now: Self.now - 600)
        let contacts = phones.enumerated().map { Self.contact($1, line: $0 + 2) }
        let outcomes = try store.stage(contacts, into: staging, campaignID: campaign.id,
                                       doNotCall: try store.makeDoNotCallLookup())
        let staged = outcomes.filter { $0 == .staged }.count
        try store.publishImport(staging, campaignID: campaign.id,
                                tally: ImportTally(rowsRead: phones.count, imported: staged, invalid: 0,
                                                   duplicates: phones.count - staged, doNotCall: 0),
                                fields: ["store"], file: file, actor: "tester", now: Self.now - 600)
        return outcomes
    }

    func queue(_ holder: LeaseHolder, store: (any CallPulseStore)? = nil) -> ContactQueue {
        var queue = ContactQueue(store: store ?? self.store, campaignID: campaign.id, agent: holder.agent)
        queue.session = holder.session
        queue.leaseSeconds = 60
        return queue
    }

    /// Claims the next contact for `holder`; nil when nothing is served.
    func claim(_ holder: LeaseHolder, at now: Int64 = now) throws -> ClaimedContact? {
        var queue = queue(holder)
        guard case let .claimed(claimed) = try queue.claimNext(now: now) else { return nil }
        return claimed
    }

    /// Claims a contact for `holder` and runs a whole interview with `answers`, completing it.
    @discardableResult
    func interview(_ holder: LeaseHolder, _ answers: [(String, AnswerValue)], at now: Int64 = now) throws -> Int64 {
        let claimed = try #require(try claim(holder, at: now))
        let contactID = try #require(claimed.contact.id)
        let (interview, callID) = try store.startInterview(contactID: contactID, holder: holder, language: "fi",
                                                           callStartedAt: now, now: now)
        var state = InterviewState(script: script, language: "en")
        for (offset, (question, value)) in answers.enumerated() {
            _ = try state.record(.answer(value), for: question)
            try store.saveAnswer(interviewID: interview.id!, contactID: contactID, questionID: question,
                                 answer: .answer(value), holder: holder, alerts: state.followUpAlerts(),
                                 leaseUntil: now + 120, now: now + Int64(offset) + 1)
        }
        try store.completeInterview(interviewID: interview.id!, callID: callID, contactID: contactID, holder: holder,
                                    now: now + 30)
        return contactID
    }

    func statsRequest(now: Int64 = now) -> StatsRequest {
        StatsRequest(scaleQuestions: ["nps", "ces", "csat"], npsQuestion: "nps", choiceQuestions: ["may_contact"],
                     now: now, today: (now - 36_000)..<(now + 50_400))
    }

    func exported(includePartials: Bool = false, fields: [String]? = ["store"]) throws -> [ExportedInterview] {
        var rows: [ExportedInterview] = []
        try store.exportInterviews(ExportSelection(campaignID: campaign.id, includePartials: includePartials),
                                   contactFields: fields) { rows.append($0) }
        return rows
    }
}
