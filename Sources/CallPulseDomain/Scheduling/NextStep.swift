/// What a call's end does to its case: an appointment, another try at a time, or the end of the
/// case with its final AAPOR disposition. Worked out by `plan` from the case's state; the store
/// reads the inputs and writes the result.
public enum NextStep: Sendable, Equatable {
    /// Call back at the agreed time (the agent who made the appointment gets it first).
    case appointment(at: Int64)
    /// Try again at a time the campaign's retry rules and calling windows give.
    case retry(at: Int64)
    /// The case ends with this final disposition.
    case end(disposition: String)

    /// One call of the case that has an outcome.
    public struct Call: Sendable, Equatable {
        public var outcome: CallOutcome
        public var startedAt: Int64

        public init(outcome: CallOutcome, startedAt: Int64) {
            self.outcome = outcome
            self.startedAt = startedAt
        }
    }

    /// The next step after a call ends with `outcome` at `now`.
    ///
    /// - A final outcome ends the case (`CaseDisposition.final`: a broken-off interview's 1.2, or
    ///   its 2.12 over an ineligible code, beats the later outcome).
    /// - A call-back (or a broken-off interview, `.answered`) with an agreed time is an appointment.
    /// - Otherwise, when `attempts` reached the campaign's maximum, the case ends: as the
    ///   interview's partial or break-off when one is being broken off now (`interviewShare`),
    ///   else as an earlier broken-off interview's code, else by `RetryPolicy.exhaustedDisposition`.
    /// - Otherwise another try by `policy` in `schedule` (no-answer and answering-machine tries move
    ///   to a part of the day not yet tried); when the schedule never opens, after the plain delay.
    ///
    /// - Parameters:
    ///   - callbackAt: the agreed time, for a call-back or a broken-off interview.
    ///   - interviewShare: for an interview being broken off now, the share of its applicable
    ///     questions answered; nil for a call that did not become an interview.
    ///   - attempts: the case's attempts, this call included.
    ///   - calls: every call of the case with an outcome, this one included, oldest first.
    ///   - brokenOffInterview: the disposition of the case's latest broken-off interview, if any.
    ///   `calls` and `brokenOffInterview` are read only when the step needs them (a final outcome
    ///   never reads the calls; a retry reads the broken-off interview only when attempts ran out),
    ///   so the store's reads stay off the common no-answer path.
    public static func plan(outcome: CallOutcome, callbackAt: Int64?, interviewShare: Double? = nil, attempts: Int,
                            calls: @autoclosure () throws -> [Call], brokenOffInterview: @autoclosure () throws -> String?,
                            policy: RetryPolicy, schedule: CallingSchedule, now: Int64) rethrows -> NextStep {
        if outcome.isFinal {
            return .end(disposition: CaseDisposition.final(outcome: outcome, brokenOffInterview: try brokenOffInterview()))
        }
        if let callbackAt, outcome == .callBack || outcome == .answered {
            return .appointment(at: callbackAt)
        }
        if attempts >= policy.maxAttempts {
            if interviewShare == nil, let brokenOff = try brokenOffInterview() { return .end(disposition: brokenOff) }
            return .end(disposition: RetryPolicy.exhaustedDisposition(outcomes: try calls().map(\.outcome),
                                                                      interviewShare: interviewShare))
        }
        let earlier = try calls().filter { $0.outcome == outcome }.map(\.startedAt)
        return .retry(at: policy.nextAttempt(after: outcome, at: now, earlierAttempts: earlier, schedule: schedule)
            ?? now + (policy.delays[outcome] ?? policy.breakOffDelay))
    }
}
