import Foundation
import Testing
@testable import CallPulseDomain

/// The 1.2 / 2.12 rule for an interview stopped before its end, and the working days a follow-up waits.
@Suite struct StoppedInterviewTests {
    @Test(arguments: [(0.0, "2.12"), (0.49, "2.12"), (0.5, "1.2"), (0.75, "1.2"), (1.0, "1.2")])
    func halfTheQuestionsAnsweredIsAPartial(share: Double, code: String) {
        #expect(CaseDisposition.stopped(answeredShare: share) == code)
        #expect(RetryPolicy.exhaustedDisposition(outcomes: [.answered], interviewShare: share) == code)
    }

    @Test func oneWorkingDayKeepsTheTimeOfDay() {
        #expect(WorkingDays.add(1, to: SchedulingTests.at("2026-11-23 14:30"), timeZone: SchedulingTests.helsinki)
                == SchedulingTests.at("2026-11-24 14:30"))
    }

    @Test func fridayAndTheWeekendMoveToMonday() {
        let zone = SchedulingTests.helsinki
        #expect(WorkingDays.add(1, to: SchedulingTests.at("2026-11-27 10:00"), timeZone: zone) == SchedulingTests.at("2026-11-30 10:00"))
        #expect(WorkingDays.add(1, to: SchedulingTests.at("2026-11-28 10:00"), timeZone: zone) == SchedulingTests.at("2026-11-30 10:00"))
        #expect(WorkingDays.add(1, to: SchedulingTests.at("2026-11-29 10:00"), timeZone: zone) == SchedulingTests.at("2026-11-30 10:00"))
        #expect(WorkingDays.add(3, to: SchedulingTests.at("2026-11-26 10:00"), timeZone: zone) == SchedulingTests.at("2026-12-01 10:00"))
    }

    @Test func zeroWorkingDaysIsTheSameInstant() {
        #expect(WorkingDays.add(0, to: 1_000, timeZone: SchedulingTests.helsinki) == 1_000)
    }
}
