import CallPulseDomain
import Foundation

extension FollowUp {
    /// The follow-up a fired alert opens on an interview: due in one working day in the campaign's
    /// zone, and closed at once as "no consent – do not call" when the customer did not consent.
    public init(alert: FiredAlert, campaign: Campaign, contactID: Int64, interviewID: Int64, agent: String, now: Int64) {
        let zone = TimeZone(identifier: campaign.timeZone) ?? .current
        self.init(campaignId: campaign.id, contactId: contactID, interviewId: interviewID, alertIndex: alert.index,
                  reason: alert.reason, createdAt: now, dueAt: WorkingDays.add(1, to: now, timeZone: zone))
        if alert.withoutConsent {
            resolvedAt = now
            resolvedBy = agent
            resolutionNote = FollowUpChanges.Note.noConsent
        }
    }
}
