import Testing
@testable import CallPulseDomain

/// Which field groups a claim without balancing keeps back, and when it must count.
struct QuotaFullnessTests {
    static func quota(_ name: String, target: Int) throws -> Quota {
        try Quota.make(name: name, definition: "touchpoint = \(name)", target: target, questionIDs: [], fields: ["touchpoint"])
    }

    @Test func onlyAGroupWithinReachOfItsTargetIsCounted() throws {
        let quotas = [(id: 1, quota: try Self.quota("done", target: 5)), (id: 2, quota: try Self.quota("far", target: 50)),
                      (id: 3, quota: try Self.quota("near", target: 10)), (id: 4, quota: try Self.quota("zero", target: 0))]
        var asked: [[Int]] = []
        let full = QuotaFullness.fullGroups(quotas, completes: [1: 5, 2: 10, 3: 8], held: 4) { ids in
            asked.append(ids)
            return [3: 2] // two of the four held contacts are in `near`: 8 + 2 reaches 10
        }
        #expect(asked == [[3]]) // `done` and `zero` are full, `far` cannot be: only `near` is counted
        #expect(full.map(\.quota.name) == ["done", "near", "zero"])
        let none = QuotaFullness.fullGroups([quotas[1]], completes: [2: 10], held: 4) { _ in
            Issue.record("counted although no group can be full")
            return [:]
        }
        #expect(none.isEmpty)
    }
}
