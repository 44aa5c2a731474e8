
/// What one saved answer did to its interview's follow-ups.
///
/// A follow-up lives and dies with the answers that raised it: an alert that fires opens one; an
/// answer corrected so the alert no longer fires closes it ("answer corrected"); a customer who
/// did not consent to be contacted gets none opened ("no consent – do not call"). Each close and
/// reopen is in the audit trail.
public struct FollowUpChanges: Sendable, Equatable {
    /// Follow-ups opened, or reopened after a correction was undone.
    public var opened: [FollowUp] = []
    /// Open follow-ups the answers closed (their `resolutionNote` says why).
    public var closed: [FollowUp] = []
    /// Follow-ups recorded closed at once, never opened: the customer did not consent.
    public var notOpened: [FollowUp] = []

    public init(opened: [FollowUp] = [], closed: [FollowUp] = [], notOpened: [FollowUp] = []) {
        self.opened = opened
        self.closed = closed
        self.notOpened = notOpened
    }

    /// Adds a follow-up just inserted: to `notOpened` when it was recorded closed, else to `opened`.
    package mutating func add(_ followUp: FollowUp) {
        if followUp.resolvedAt == nil { opened.append(followUp) } else { notOpened.append(followUp) }
    }

    /// Why the answers closed a follow-up: the resolution notes CallPulse writes itself.
    public enum Note {
        /// The answer that raised it was corrected, so its alert no longer fires.
        public static let answerCorrected = "answer corrected"
        /// The customer did not agree to be contacted.
        public static let noConsent = "no consent – do not call"
        /// Both, for telling CallPulse's own closes from a person's resolution.
        package static let all: Set<String> = [answerCorrected, noConsent]
    }
}
