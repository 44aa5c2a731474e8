import Foundation

/// When to try a contact again after a call that did not end the case, and how a case ends when
/// its attempts run out.
public struct RetryPolicy: Sendable, Equatable {
    /// Seconds to wait after each non-final outcome before the next try.
    public var delays: [CallOutcome: Int64] = [
        .noAnswer: 3 * 3600,
        .busy: 15 * 60,
        .answeringMachine: 4 * 3600,
        .technicalProblem: 30 * 60,
        .notThereNow: 2 * 3600,
    ]
    /// Seconds before an interview that was broken off without a call-back time is tried again.
    public var breakOffDelay: Int64 = 2 * 3600
    public var maxAttempts: Int

    public init(maxAttempts: Int) { self.maxAttempts = maxAttempts }

    /// When to call next after `outcome` at `now`, given the earlier attempts' times; nil when
    /// the schedule never opens. No-answer and answering-machine retries move to a part of the day
    /// not yet tried, while one is left.
    public func nextAttempt(after outcome: CallOutcome, at now: Int64, earlierAttempts: [Int64],
                            schedule: CallingSchedule) -> Int64? {
        let delay = delays[outcome] ?? breakOffDelay
        let earliest = now + delay
        guard outcome == .noAnswer || outcome == .answeringMachine else {
            return schedule.nextOpen(from: earliest)
        }
        let used = Set((earlierAttempts + [now]).map(schedule.dayPart(at:)))
        let openParts = Set(CallingSchedule.DayPart.allCases.filter { part in
            schedule.windows.values.contains { window in
                max(window.startMinute, part.range.lowerBound) < min(window.endMinute, part.range.upperBound)
            }
        })
        if openParts.isSubset(of: used) { return schedule.nextOpen(from: earliest) }
        return schedule.nextOpen(from: earliest, avoiding: used) ?? schedule.nextOpen(from: earliest)
    }

    /// The final AAPOR disposition of a case whose attempts ran out.
    /// - Parameters:
    ///   - outcomes: every call's outcome, oldest first.
    ///   - interviewShare: for a case with a broken-off interview, the share of its applicable
    ///     questions answered (≥ ½ is a partial, 1.2; less a break-off, 2.12).
    public static func exhaustedDisposition(outcomes: [CallOutcome], interviewShare: Double?) -> String {
        if let interviewShare { return CaseDisposition.stopped(answeredShare: interviewShare) }
        if outcomes.contains(where: \.isContact) { return "2.21" }
        if !outcomes.isEmpty, outcomes.allSatisfy({ $0 == .busy }) { return "3.12" }
        if outcomes.contains(.answeringMachine) { return "3.14" }
        if outcomes.contains(.noAnswer) { return "3.13" }
        if outcomes.contains(.technicalProblem) { return "3.16" }
        return outcomes.isEmpty ? "3.11" : "3.90"
    }
}
