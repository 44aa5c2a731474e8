import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain

/// The clock is fixed at Wednesday 2026-11-25 14:05:30 in Europe/Helsinki.
@Suite struct InterviewCallbackTimeTests {
    static func parse(_ input: String) -> Result<Date, CallbackTimeError> {
        CallbackTimeParser.parse(input, now: InterviewTestSupport.now, timeZone: InterviewTestSupport.helsinki)
    }

    @Test(arguments: [
        // a time of day: today, or tomorrow when it has passed
        ("15:30", "2026-11-25 15:30"), ("15.30", "2026-11-25 15:30"), ("16", "2026-11-25 16:00"),
        ("klo 16", "2026-11-25 16:00"), ("14:00", "2026-11-26 14:00"), ("14:05", "2026-11-26 14:05"),
        ("9", "2026-11-26 09:00"), ("10.11", "2026-11-26 10:11"), ("0:00", "2026-11-26 00:00"),
        // day words in three languages
        ("tomorrow 10", "2026-11-26 10:00"), ("huomenna 10", "2026-11-26 10:00"), ("i morgon 10", "2026-11-26 10:00"),
        ("imorgon 10:15", "2026-11-26 10:15"), ("huomenna klo 9.30", "2026-11-26 09:30"), ("Tomorrow at 8", "2026-11-26 08:00"),
        ("today 18", "2026-11-25 18:00"), ("idag kl 17", "2026-11-25 17:00"), ("ylihuomenna 9", "2026-11-27 09:00"),
        // weekdays (today is Wednesday): the next occurrence, today if still ahead
        ("mon 10", "2026-11-30 10:00"), ("ma 10", "2026-11-30 10:00"), ("måndag 10", "2026-11-30 10:00"),
        ("ke 15", "2026-11-25 15:00"), ("wed 10", "2026-12-02 10:00"), ("to 9", "2026-11-26 09:00"),
        ("fre 12", "2026-11-27 12:00"), ("sunday 11", "2026-11-29 11:00"),
        // dates
        ("2026-11-27 14:00", "2026-11-27 14:00"), ("2026-11-27T14:00", "2026-11-27 14:00"),
        ("26.11. 14:00", "2026-11-26 14:00"), ("27.11.2026 14", "2026-11-27 14:00"), ("27.11 8.45", "2026-11-27 08:45"),
        ("24.11. 10", "2027-11-24 10:00"), ("1.1. 9", "2027-01-01 09:00"), ("2027-11-25 10", "2027-11-25 10:00"),
        // offsets from now (14:05:30)
        ("+2h", "2026-11-25 16:05:30"), ("+30m", "2026-11-25 14:35:30"), ("+30 min", "2026-11-25 14:35:30"),
        ("+1d", "2026-11-26 14:05:30"), ("+ 90m", "2026-11-25 15:35:30"),
    ])
    func parsesAgentForms(_ input: String, _ expected: String) {
        #expect(Self.parse(input) == .success(InterviewTestSupport.date(expected)))
    }

    @Test(arguments: [
        ("", CallbackTimeError.empty), ("tomorrow", .missingTimeOfDay("tomorrow")), ("25.11.", .missingTimeOfDay("25.11.")),
        ("ma", .missingTimeOfDay("ma")), ("soon", .unrecognized("soon")), ("25:00", .unrecognized("25:00")),
        ("14:5", .unrecognized("14:5")), ("+2x", .unrecognized("+2x")), ("+h", .unrecognized("+h")),
        ("yesterday 10", .unrecognized("yesterday 10")), ("31.2. 10", .noSuchDate("31.2. 10")),
        ("2026-02-30 10", .noSuchDate("2026-02-30 10")), ("25.11.26 10", .unrecognized("25.11.26 10")),
        ("2026-11-25 14:00", .inPast("2026-11-25 14:00")), ("25.11. 14:00", .inPast("25.11. 14:00")),
        ("tänään 10", .inPast("tänään 10")), ("+0m", .inPast("+0m")), ("1.1.2020 10", .inPast("1.1.2020 10")),
        ("2028-01-01 10", .tooFarAhead("2028-01-01 10")), ("+400d", .tooFarAhead("+400d")),
    ])
    func refusesBadOrPastTimes(_ input: String, _ expected: CallbackTimeError) {
        #expect(Self.parse(input) == .failure(expected))
    }

    @Test func messagesNameTheInput() {
        #expect(CallbackTimeError.inPast("14:00 today").localizedDescription == "'14:00 today' is in the past")
        #expect(CallbackTimeError.missingTimeOfDay("huomenna").localizedDescription.contains("'huomenna 10'"))
        #expect(CallbackTimeError.unrecognized("soon").localizedDescription.hasPrefix("'soon' is not a time; try 15:30"))
    }

    @Test func followsTheZoneAcrossDaylightSavingTime() {
        // Saturday 2027-03-27 12:00 in Helsinki; clocks go forward on Sunday night.
        let now = InterviewTestSupport.date("2027-03-27 12:00")
        let zone = InterviewTestSupport.helsinki
        #expect(CallbackTimeParser.parse("+1d", now: now, timeZone: zone) == .success(InterviewTestSupport.date("2027-03-28 12:00")))
        #expect(CallbackTimeParser.parse("tomorrow 12", now: now, timeZone: zone)
            == .success(now.addingTimeInterval(23 * 3600)))
    }

    @Test func anotherZoneGivesAnotherInstant() {
        let stockholm = TimeZone(identifier: "Europe/Stockholm")!
        let result = CallbackTimeParser.parse("15:30", now: InterviewTestSupport.now, timeZone: stockholm)
        #expect(result == .success(InterviewTestSupport.date("2026-11-25 16:30")))
    }
}
