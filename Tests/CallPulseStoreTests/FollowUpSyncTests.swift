import CallPulseDomain
import Testing
@testable import CallPulseStore

/// The follow-up rule both engines write (`FollowUpSync.steps`), without a database.
struct FollowUpSyncTests {
    static func followUp(_ index: Int, resolved note: String? = nil) -> FollowUp {
        FollowUp(id: Int64(index + 1), campaignId: "c", contactId: 1, interviewId: 1, alertIndex: index, reason: "r\(index)",
                 createdAt: 0, resolvedAt: note == nil ? nil : 5, resolvedBy: note == nil ? nil : "liisa",
                 resolutionNote: note)
    }

    @Test func eachAlertHasOneFollowUpThatFollowsTheAnswers() {
        let alerts = [FiredAlert(index: 0, reason: "r0"), FiredAlert(index: 1, reason: "r1", withoutConsent: true),
                      FiredAlert(index: 2, reason: "r2"), FiredAlert(index: 3, reason: "r3")]
        let existing = [Self.followUp(1), Self.followUp(2, resolved: FollowUpChanges.Note.answerCorrected),
                        Self.followUp(3, resolved: "called back, sorted"), Self.followUp(4)]
        #expect(FollowUpSync.steps(existing: existing, alerts: alerts) == [
            .open(alerts[0]),                                                      // new alert
            .close(existing[0], note: FollowUpChanges.Note.noConsent),             // fires without consent
            .reopen(existing[1]),                                                  // CallPulse closed it: fires again
            .close(existing[3], note: FollowUpChanges.Note.answerCorrected),       // no longer fires
        ]) // existing[2] was resolved by a person: it stays so
        #expect(FollowUpSync.steps(existing: [], alerts: []) == [])
    }
}
