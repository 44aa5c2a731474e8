import Foundation
import Testing
@testable import CallPulseDomain

/// The queue's decisions on plain values: a contact found due on the do-not-call list or in the
/// survey quarantine, and why nothing is served.
@Suite struct ServingCheckTests {
    static let now: Int64 = 1_800_000_000
    static let day: Int64 = 86_400

    static func campaign(status: Campaign.Status = .active, weekdays: String? = "09-20") -> Campaign {
        Campaign(id: "c", client: "Acme", title: "Test", status: status, scriptId: "s", scriptFile: "s.yaml", scriptYAML: "",
                 fields: [], maxAttempts: 3, weekdayWindow: weekdays, saturdayWindow: nil, sundayWindow: nil,
                 timeZone: "Europe/Helsinki", quarantineDays: 30, createdAt: 0, closedAt: nil)
    }

    @Test func aListedNumberEndsAsARefusalWhateverElseHolds() {
        #expect(ServingCheck.check(onDoNotCallList: true, quarantineDays: 30, lastCompleteElsewhere: Self.now) == .doNotCall)
        #expect(ServingCheck.check(onDoNotCallList: true, quarantineDays: 0, lastCompleteElsewhere: nil) == .doNotCall)
        #expect(ServingCheck.doNotCallDisposition == "2.11")
    }

    @Test func aRecentCompleteHoldsTheContactUntilTheQuarantineEnds() {
        let ended = Self.now - 10 * Self.day
        #expect(ServingCheck.check(onDoNotCallList: false, quarantineDays: 30, lastCompleteElsewhere: ended)
                == .quarantined(until: ended + 30 * Self.day))
    }

    @Test func withoutACompleteOrAQuarantineTheContactIsServed() {
        #expect(ServingCheck.check(onDoNotCallList: false, quarantineDays: 30, lastCompleteElsewhere: nil) == .serve)
        #expect(ServingCheck.check(onDoNotCallList: false, quarantineDays: 0, lastCompleteElsewhere: Self.now) == .serve)
    }

    @Test func theQuarantineLooksBackItsDays() {
        #expect(ServingCheck.quarantineStart(days: 30, now: Self.now) == Self.now - 30 * Self.day)
        #expect(ServingCheck.quarantineStart(days: 0, now: Self.now) == nil)
        #expect(ServingCheck.quarantineStart(days: -1, now: Self.now) == nil)
    }

    @Test func aPausedOrClosedCampaignServesNothing() {
        #expect(NothingToCall(status: .paused) == .campaignPaused)
        #expect(NothingToCall(status: .closed) == .campaignClosed)
        #expect(NothingToCall(status: .active) == nil)
    }

    @Test func noContactLeftIsAllDone() {
        let tally = NothingToCall.Tally(remaining: 0, total: 12, leased: 0, nextAt: nil, due: 0)
        #expect(NothingToCall.reason(tally, campaign: Self.campaign(), zones: ["Europe/Helsinki"], now: Self.now)
                == .allDone(total: 12))
    }

    @Test func contactsWaitingForTheirTimeSayWhenAndWhoHoldsThem() {
        let tally = NothingToCall.Tally(remaining: 5, total: 12, leased: 2, nextAt: Self.now + 600, due: 0)
        #expect(NothingToCall.reason(tally, campaign: Self.campaign(), zones: ["Europe/Helsinki"], now: Self.now)
                == .waiting(nextCallAt: Self.now + 600, inProgress: 2, windowOpensAt: nil))
    }

    @Test func dueContactsOutsideTheWindowSayWhenItOpens() {
        // Monday 2026-11-23 21:00 in Helsinki: the window opens on Tuesday at 09:00.
        let evening = SchedulingTests.at("2026-11-23 21:00")
        let tally = NothingToCall.Tally(remaining: 5, total: 5, leased: 0, nextAt: nil, due: 5)
        #expect(NothingToCall.reason(tally, campaign: Self.campaign(), zones: ["Europe/Helsinki"], now: evening)
                == .waiting(nextCallAt: nil, inProgress: 0, windowOpensAt: SchedulingTests.at("2026-11-24 09:00")))
        #expect(NothingToCall.reason(tally, campaign: Self.campaign(weekdays: nil), zones: ["Europe/Helsinki"], now: evening)
                == .waiting(nextCallAt: nil, inProgress: 0, windowOpensAt: nil))
    }
}
