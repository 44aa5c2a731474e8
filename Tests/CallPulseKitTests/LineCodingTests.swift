import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The table: what the line codes, and what it leaves to the agent.
@Suite struct LineCodingTests {
    @Test(arguments: [
        (LineResult.status(486, reason: "Busy Here"), CallOutcome?.some(.busy)),
        (.status(600, reason: "Busy Everywhere"), .busy),
        (.status(480, reason: "Temporarily Unavailable"), .noAnswer),
        (.status(408, reason: "Request Timeout"), .noAnswer),
        (.status(487, reason: "Request Terminated"), .noAnswer),
        (.ringTimeout, .noAnswer),
        (.status(503, reason: "Service Unavailable"), .technicalProblem),
        (.status(500, reason: "Server Internal Error"), .technicalProblem),
        (.status(599, reason: ""), .technicalProblem),
        (.status(488, reason: "Not Acceptable Here"), .technicalProblem),
        (.failed(reason: "Connection refused"), .technicalProblem),
        (.answered, nil),
        (.agentHungUp, nil),
        (.status(603, reason: "Decline"), nil),
        (.status(403, reason: "Forbidden"), nil),
    ])
    func codes(_ result: LineResult, _ expected: CallOutcome?) {
        #expect(LineCoding.outcome(for: result, earlierNotInUse: 0) == expected)
        #expect(LineCoding.outcome(for: result, earlierNotInUse: 3) == expected)
    }

    @Test(arguments: [404, 484, 604, 410])
    func notInUseOnlyOnTheSecondAttempt(_ code: Int) {
        #expect(LineCoding.outcome(for: .status(code, reason: ""), earlierNotInUse: 0) == .technicalProblem)
        #expect(LineCoding.outcome(for: .status(code, reason: ""), earlierNotInUse: 1) == .notInUse)
        #expect(LineCoding.outcome(for: .status(code, reason: ""), earlierNotInUse: 2) == .notInUse)
    }

    @Test(arguments: [
        ("486 Busy Here", LineResult.status(486, reason: "Busy Here")),
        ("404 Not Found", .status(404, reason: "Not Found")),
        ("503", .status(503, reason: "")),
        ("Connection reset by user", .failed(reason: "Connection reset by user")),
        ("", .failed(reason: "")),
        ("200 OK", .failed(reason: "200 OK")),
        ("4860 Busy", .failed(reason: "4860 Busy")),
    ])
    func readsTheClosedReason(_ text: String, _ expected: LineResult) {
        #expect(LineResult.closed(text) == expected)
    }

    @Test func storesTheStatusAndReason() {
        #expect(LineResult.answered.sipStatus == 200)
        #expect(LineResult.status(486, reason: "Busy Here").sipReason == "Busy Here")
        #expect(LineResult.ringTimeout.sipStatus == nil)
        #expect(LineResult.ringTimeout.sipReason == "no answer within the ring time")
    }

    @Test func keyedOutcomeAfterADialIsTheAgentsUnlessTheLineSaidIt() {
        let paradata = CallParadata(dialledAt: 10, ringSeconds: 3, sipStatus: 486, sipReason: "Busy Here", codedBy: .line)
        #expect(Console.paradata((.busy, paradata), coded: .busy)?.codedBy == .line)
        #expect(Console.paradata((.busy, paradata), coded: .noAnswer)?.codedBy == .agent)
        #expect(Console.paradata((nil, paradata), coded: .noAnswer)?.codedBy == .agent)
        #expect(Console.paradata(nil, coded: .noAnswer) == nil)
    }
}
