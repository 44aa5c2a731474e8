import CallPulseDomain

/// One change the answers make to an interview's follow-ups (`FollowUpSync.steps`), for an engine
/// to write with its audit line.
package enum FollowUpStep: Equatable {
    /// A new follow-up for the alert (recorded closed at once when the customer did not consent).
    case open(FiredAlert)
    /// The open follow-up closes, with `note` (`FollowUpChanges.Note`) as its resolution.
    case close(FollowUp, note: String)
    /// A follow-up CallPulse itself closed opens again: its alert fires again, with consent.
    case reopen(FollowUp)

    /// The audit detail of a reopen.
    package static let reopenDetail = "its alert fires again"
}

/// The rule that keeps an interview's follow-ups in line with its answers, once for both engines:
/// each alert that fires has one follow-up; an open one whose alert fires without consent, or no
/// longer fires, closes; one CallPulse closed reopens when its alert fires again with consent. A
/// follow-up a person resolved stays resolved.
package enum FollowUpSync {
    /// What to change, given the interview's follow-ups (`existing`, oldest first) and the alerts
    /// its answers fire now.
    package static func steps(existing: [FollowUp], alerts: [FiredAlert]) -> [FollowUpStep] {
        let byAlert = Dictionary(existing.map { ($0.alertIndex, $0) }) { first, _ in first }
        var steps: [FollowUpStep] = []
        for alert in alerts {
            guard let followUp = byAlert[alert.index] else {
                steps.append(.open(alert))
                continue
            }
            if alert.withoutConsent, followUp.resolvedAt == nil {
                steps.append(.close(followUp, note: FollowUpChanges.Note.noConsent))
            } else if !alert.withoutConsent, followUp.resolvedAt != nil,
                      FollowUpChanges.Note.all.contains(followUp.resolutionNote ?? "") {
                steps.append(.reopen(followUp))
            }
        }
        let firing = Set(alerts.map(\.index))
        for followUp in existing where followUp.resolvedAt == nil && !firing.contains(followUp.alertIndex) {
            steps.append(.close(followUp, note: FollowUpChanges.Note.answerCorrected))
        }
        return steps
    }
}
