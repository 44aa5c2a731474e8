/// How an interview ends, and the follow-ups its answers call for: the AAPOR rules as pure logic.
extension InterviewState {
    /// Whether any applicable question has a recorded answer (a value or a special answer).
    public var hasAnswers: Bool {
        applicableQuestions.contains { answers[$0.id] != nil }
    }

    /// The code of an interview stopped now: a partial (1.2) with at least half of the applicable
    /// questions answered, else a break-off (2.12). See METRICS.md.
    public var stoppedDisposition: String {
        CaseDisposition.stopped(answeredShare: answeredShare)
    }

    /// The code of an interview the respondent declines now: a refusal (2.11) before any question
    /// was answered, else `stoppedDisposition` (an interview past half stays a partial).
    public var refusalDisposition: String {
        hasAnswers ? stoppedDisposition : "2.11"
    }

    /// The applicable questions marked `required_for_complete` that have no real answer (a
    /// value; "don't know", refused and skipped are not), in script order.
    public var missingRequiredAnswers: [String] {
        let (applicable, effective) = evaluate()
        return applicable.filter { $0.requiredForComplete && effective[$0.id] == nil }.map(\.id)
    }

    /// The code of an interview that reached its last question: complete (1.1) when every
    /// question a complete needs has a real answer, else `stoppedDisposition`.
    public var finishedDisposition: String {
        missingRequiredAnswers.isEmpty ? "1.1" : stoppedDisposition
    }

    /// Whether the customer was asked the script's consent question and did not say yes
    /// (no, don't know, refused or skipped). False while it is not asked or not yet answered.
    public var consentRefused: Bool {
        guard let id = script.consentQuestionID, applicableQuestions.contains(where: { $0.id == id }),
              let answer = answers[id] else { return false }
        return answer.effectiveValue != .bool(true)
    }

    /// The script's alerts that fire on the effective answers, as follow-ups to keep: each marked
    /// `withoutConsent` when `consentRefused`. An alert missing here has no follow-up (any open
    /// one was raised by an answer since corrected).
    public func followUpAlerts() -> [FiredAlert] {
        let effective = effectiveAnswers
        let withoutConsent = consentRefused
        return script.alerts.enumerated().compactMap { index, alert in
            guard alert.fires(on: effective) else { return nil }
            return FiredAlert(index: index, reason: alert.reason(for: language), withoutConsent: withoutConsent)
        }
    }
}
