import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain

@Suite struct SchedulingTests {
    static let helsinki = LocalTime.helsinki
    /// Campaign defaults: weekdays 09–20, Saturday 10–16, no Sunday calls.
    static let schedule = CallingSchedule(windows: [
        2: CallingWindow(parsing: "09-20")!, 3: CallingWindow(parsing: "09-20")!, 4: CallingWindow(parsing: "09-20")!,
        5: CallingWindow(parsing: "09-20")!, 6: CallingWindow(parsing: "09-20")!, 7: CallingWindow(parsing: "10-16")!,
    ], timeZone: helsinki)

    /// Seconds since 1970 of a Helsinki local time.
    static func at(_ text: String, zone: TimeZone = helsinki) -> Int64 { LocalTime.at(text, zone: zone) }

    @Test(arguments: [
        ("2026-11-23 08:59", false), ("2026-11-23 09:00", true), ("2026-11-23 19:59", true), ("2026-11-23 20:00", false),
        ("2026-11-28 09:30", false), ("2026-11-28 10:00", true), ("2026-11-28 16:00", false), ("2026-11-29 12:00", false),
    ])
    func windowIsAppliedLocally(time: String, open: Bool) {
        #expect(Self.schedule.isOpen(at: Self.at(time)) == open)
    }

    @Test func nextOpenSkipsNightsAndSundays() {
        #expect(Self.schedule.nextOpen(from: Self.at("2026-11-23 21:00")) == Self.at("2026-11-24 09:00"))
        #expect(Self.schedule.nextOpen(from: Self.at("2026-11-28 17:00")) == Self.at("2026-11-30 09:00"))
        #expect(Self.schedule.nextOpen(from: Self.at("2026-11-24 12:34")) == Self.at("2026-11-24 12:34"))
    }

    @Test func contactZoneDecidesTheWindow() {
        // 09:30 in Helsinki is 08:30 in Stockholm: not yet open there.
        let stockholm = CallingSchedule(windows: Self.schedule.windows, timeZone: TimeZone(identifier: "Europe/Stockholm")!)
        #expect(!stockholm.isOpen(at: Self.at("2026-11-23 09:30")))
        #expect(stockholm.nextOpen(from: Self.at("2026-11-23 09:30")) == Self.at("2026-11-23 10:00"))
    }

    @Test func defaultDelays() {
        let policy = RetryPolicy(maxAttempts: 6)
        let now = Self.at("2026-11-24 10:00")
        #expect(policy.nextAttempt(after: .busy, at: now, earlierAttempts: [], schedule: Self.schedule) == Self.at("2026-11-24 10:15"))
        #expect(policy.nextAttempt(after: .technicalProblem, at: now, earlierAttempts: [], schedule: Self.schedule)
                == Self.at("2026-11-24 10:30"))
        #expect(policy.nextAttempt(after: .noAnswer, at: now, earlierAttempts: [], schedule: Self.schedule) == Self.at("2026-11-24 13:00"))
        #expect(policy.nextAttempt(after: .answeringMachine, at: now, earlierAttempts: [], schedule: Self.schedule)
                == Self.at("2026-11-24 14:00"))
    }

    @Test func noAnswerRetriesSpreadOverTheDay() {
        let policy = RetryPolicy(maxAttempts: 6)
        // Tried in the morning and the afternoon: the next try goes to the evening.
        let next = policy.nextAttempt(after: .noAnswer, at: Self.at("2026-11-24 12:30"),
                                      earlierAttempts: [Self.at("2026-11-24 09:10")], schedule: Self.schedule)
        #expect(next == Self.at("2026-11-24 16:00"))
        // An evening call with no answer late in the day moves to the next morning... unless mornings were tried.
        let late = policy.nextAttempt(after: .noAnswer, at: Self.at("2026-11-24 19:00"),
                                      earlierAttempts: [Self.at("2026-11-24 09:10")], schedule: Self.schedule)
        #expect(late == Self.at("2026-11-25 12:00"))
        // Every part tried: plain delay into the window.
        let all = policy.nextAttempt(after: .noAnswer, at: Self.at("2026-11-24 19:00"),
                                     earlierAttempts: [Self.at("2026-11-24 09:10"), Self.at("2026-11-24 13:00")],
                                     schedule: Self.schedule)
        #expect(all == Self.at("2026-11-25 09:00"))
    }

    @Test(arguments: [
        ([CallOutcome.busy, .busy, .busy], nil as Double?, "3.12"),
        ([.noAnswer, .busy, .noAnswer], nil, "3.13"),
        ([.noAnswer, .answeringMachine], nil, "3.14"),
        ([.technicalProblem], nil, "3.16"),
        ([.noAnswer, .callBack, .noAnswer], nil, "2.21"),
        ([.answered, .noAnswer], 0.6, "1.2"),
        ([.answered, .noAnswer], 0.2, "2.12"),
    ])
    func exhaustedCasesGetTheRightDisposition(outcomes: [CallOutcome], share: Double?, code: String) {
        #expect(RetryPolicy.exhaustedDisposition(outcomes: outcomes, interviewShare: share) == code)
    }

    @Test func outcomesHaveDistinctKeysAndAAPORCodes() {
        #expect(Set(CallOutcome.allCases.map(\.key)).count == CallOutcome.allCases.count)
        #expect(CallOutcome(key: "n") == .noAnswer)
        #expect(CallOutcome.notInUse.aaporCode == "4.31")
        #expect(CallOutcome.wrongPerson.isFinal && !CallOutcome.busy.isFinal)
    }
}
