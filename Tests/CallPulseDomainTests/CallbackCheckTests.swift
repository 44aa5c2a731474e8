import Foundation
import Testing
@testable import CallPulseDomain

/// Call-back times outside the calling window or more than 60 days ahead are flagged for the agent.
/// The clock is Friday 2026-12-04 12:00 in Helsinki; the default windows are weekdays 09–20,
/// Saturday 10–16 and no calls on Sunday.
@Suite struct CallbackCheckTests {
    static let now = SchedulingTests.at("2026-12-04 12:00")
    static let schedule: CallingSchedule = {
        let rules = CampaignRules()
        return CallingSchedule(windows: [2: rules.weekdayWindow!, 3: rules.weekdayWindow!, 4: rules.weekdayWindow!,
                                         5: rules.weekdayWindow!, 6: rules.weekdayWindow!, 7: rules.saturdayWindow!],
                               timeZone: SchedulingTests.helsinki)
    }()

    static func concerns(_ local: String) -> [CallbackConcern] {
        CallbackCheck.concerns(SchedulingTests.at(local), now: now, schedule: schedule)
    }

    @Test func timesInsideTheWindowAndWithin60DaysPass() {
        #expect(Self.concerns("2026-12-04 15:00").isEmpty)
        #expect(Self.concerns("2026-12-05 10:00").isEmpty) // Saturday at opening
        #expect(Self.concerns("2027-02-02 12:00").isEmpty) // exactly 60 days ahead
    }

    @Test func outsideTheWindowNamesTheDaysWindow() {
        let saturday = CallingWindow(startMinute: 10 * 60, endMinute: 16 * 60)
        #expect(Self.concerns("2026-12-05 03:00") == [.outsideWindow(weekday: 7, window: saturday)])
        #expect(Self.concerns("2026-12-05 09:15") == [.outsideWindow(weekday: 7, window: saturday)])
        #expect(Self.concerns("2026-12-06 11:00") == [.outsideWindow(weekday: 1, window: nil)])
        #expect(Self.concerns("2026-12-07 20:00") == [.outsideWindow(weekday: 2, window: CampaignRules().weekdayWindow)])
    }

    @Test func moreThan60DaysAheadIsFlagged() {
        #expect(Self.concerns("2027-02-02 12:01") == [.farAhead(days: 60)])
        #expect(Self.concerns("2027-11-25 14:00") == [.farAhead(days: 356)])
        #expect(Self.concerns("2027-11-28 14:00").count == 2) // a Sunday next year: both
    }

    @Test func messagesNameTheTimeAndTheRule() {
        let zone = SchedulingTests.helsinki
        let saturday = SchedulingTests.at("2026-12-05 09:15")
        #expect(CallbackCheck.message(.outsideWindow(weekday: 7, window: CallingWindow(startMinute: 600, endMinute: 960)),
                                      at: saturday, timeZone: zone)
                == "Saturday 2026-12-05 09:15 Europe/Helsinki is outside the calling window (Saturdays 10:00–16:00)")
        let sunday = SchedulingTests.at("2026-12-06 11:00")
        #expect(CallbackCheck.message(.outsideWindow(weekday: 1, window: nil), at: sunday, timeZone: zone)
                == "Sunday 2026-12-06 11:00 Europe/Helsinki: the campaign makes no calls on Sundays")
        let later = SchedulingTests.at("2027-11-25 14:00")
        #expect(CallbackCheck.message(.farAhead(days: 356), at: later, timeZone: zone)
                == "2027-11-25 14:00 Europe/Helsinki is 356 days ahead (more than 60)")
    }
}
