import Foundation
import Testing
@testable import CallPulseDomain

/// The next-step planner on plain values: what a call's end does to its case.
@Suite struct NextStepTests {
    static let schedule = SchedulingTests.schedule
    static let policy = RetryPolicy(maxAttempts: 3)
    /// A Monday at 12:00 in Helsinki, inside the weekday window.
    static let noon = SchedulingTests.at("2026-11-23 12:00")

    func plan(_ outcome: CallOutcome, callbackAt: Int64? = nil, interviewShare: Double? = nil, attempts: Int = 1,
              earlier: [CallOutcome] = [], brokenOff: String? = nil, now: Int64 = noon) -> NextStep {
        let calls = earlier.enumerated().map { NextStep.Call(outcome: $1, startedAt: now - Int64(earlier.count - $0) * 86_400) }
        return NextStep.plan(outcome: outcome, callbackAt: callbackAt, interviewShare: interviewShare, attempts: attempts,
                             calls: calls + [NextStep.Call(outcome: outcome, startedAt: now)], brokenOffInterview: brokenOff,
                             policy: Self.policy, schedule: Self.schedule, now: now)
    }

    @Test(arguments: [(CallOutcome.refused, "2.11"), (.notInUse, "4.31"), (.wrongPerson, "4.70"), (.fax, "4.20"),
                      (.languageBarrier, "2.33"), (.unable, "2.32"), (.neverCallAgain, "2.11")])
    func finalOutcomeEndsTheCaseWithItsCode(outcome: CallOutcome, code: String) {
        #expect(plan(outcome) == .end(disposition: code))
    }

    @Test func brokenOffInterviewBeatsALaterFinalOutcome() {
        #expect(plan(.refused, brokenOff: "1.2") == .end(disposition: "1.2"))
        #expect(plan(.notInUse, brokenOff: "2.12") == .end(disposition: "2.12"))
        #expect(plan(.refused, brokenOff: "2.12") == .end(disposition: "2.11"))
    }

    @Test func callBackWithATimeIsAnAppointmentEvenOnTheLastAttempt() {
        let at = Self.noon + 3600
        #expect(plan(.callBack, callbackAt: at, attempts: 3) == .appointment(at: at))
        #expect(plan(.answered, callbackAt: at, interviewShare: 0.2, attempts: 3) == .appointment(at: at))
    }

    @Test func callBackWithoutATimeIsRetriedAfterTheBreakOffDelay() {
        #expect(plan(.callBack) == .retry(at: Self.noon + Self.policy.breakOffDelay))
    }

    @Test func busyIsRetriedAfterItsDelayInsideTheWindow() {
        #expect(plan(.busy) == .retry(at: Self.noon + 15 * 60))
        // 19:50 + 15 min is past the window: the next morning at 09:00.
        let late = SchedulingTests.at("2026-11-23 19:50")
        #expect(plan(.busy, now: late) == .retry(at: SchedulingTests.at("2026-11-24 09:00")))
    }

    @Test func noAnswerMovesToAPartOfTheDayNotYetTried() {
        guard case let .retry(at) = plan(.noAnswer) else { Issue.record("expected a retry"); return }
        let parts = Set([Self.noon].map(Self.schedule.dayPart(at:)))
        #expect(at >= Self.noon + 3 * 3600)
        #expect(!parts.contains(Self.schedule.dayPart(at: at)))
    }

    @Test func attemptsRunOutByTheCallsMade() {
        #expect(plan(.noAnswer, attempts: 3, earlier: [.noAnswer, .answeringMachine]) == .end(disposition: "3.14"))
        #expect(plan(.busy, attempts: 3, earlier: [.busy, .busy]) == .end(disposition: "3.12"))
        #expect(plan(.noAnswer, attempts: 3, earlier: [.notThereNow, .busy]) == .end(disposition: "2.21"))
    }

    @Test func attemptsRunOutAsTheEarlierBrokenOffInterview() {
        #expect(plan(.noAnswer, attempts: 3, earlier: [.answered, .busy], brokenOff: "1.2") == .end(disposition: "1.2"))
        #expect(plan(.busy, attempts: 4, brokenOff: "2.12") == .end(disposition: "2.12"))
    }

    @Test func interviewBrokenOffOnTheLastAttemptEndsByItsShare() {
        #expect(plan(.answered, interviewShare: 0.5, attempts: 3, brokenOff: "2.12") == .end(disposition: "1.2"))
        #expect(plan(.answered, interviewShare: 0.4, attempts: 3, brokenOff: "1.2") == .end(disposition: "2.12"))
    }

    @Test func interviewBrokenOffBeforeTheLastAttemptIsRetried() {
        #expect(plan(.answered, interviewShare: 0.8, attempts: 2) == .retry(at: Self.noon + Self.policy.breakOffDelay))
    }

    @Test func retryFallsBackToThePlainDelayWhenTheScheduleNeverOpens() {
        let closed = CallingSchedule(windows: [:], timeZone: SchedulingTests.helsinki)
        let step = NextStep.plan(outcome: .technicalProblem, callbackAt: nil, attempts: 1, calls: [], brokenOffInterview: nil,
                                 policy: Self.policy, schedule: closed, now: Self.noon)
        #expect(step == .retry(at: Self.noon + 30 * 60))
    }
}
