import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The QUOTAS block of the dashboard `stats` and `stats --watch` draw.
extension StatsTests {
    func quotaFigures(_ count: Int, full: Bool) throws -> [QuotaFigures] {
        try (0..<count).map { index in
            let quota = try Quota.make(name: "store\(index)", definition: "store = \(index)", target: 10,
                                       questionIDs: [], fields: ["store"])
            return QuotaFigures(QuotaStanding(quota: quota, completes: full ? 11 : 3, inProgress: 1, contactsLeft: 40))
        }
    }

    @Test func quotasShowTheirFiguresAndWhatAFullOneStops() throws {
        var snapshot = try snapshot(agents: 0)
        snapshot.quotas = try quotaFigures(1, full: true) + quotaFigures(1, full: false).map { var q = $0; q.name = "open"; return q }
        let text = StatsDashboard(width: 80).render(snapshot)
        #expect(text.contains("QUOTAS  (completes / target; in progress now; over target)"), "\(text)")
        #expect(text.contains("  store0 (store = 0):  11/10 (110 %)  in progress 1  remaining 0  over 1"), "\(text)")
        #expect(text.contains("    quota full: store = 0"))
        #expect(text.contains("  open (store = 0):  3/10 (30 %)  in progress 1  remaining 7  over 0"), "\(text)")
        #expect(text.contains("sample 40 left, can fill"))
    }

    @Test func manyQuotasDoNotPushAgentsOffAShortWindow() throws {
        var snapshot = try snapshot(agents: 2)
        snapshot.quotas = try quotaFigures(20, full: false)
        let text = StatsDashboard(width: 80, height: 24).render(snapshot)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 24, "\(text)")
        #expect(text.contains("QUOTAS") && text.contains("AGENTS") && text.contains("FOLLOW-UPS  open"), "\(text)")
        #expect(text.contains(" more quotas (a taller window or campaign quota list shows them)"), "\(text)")
    }
}
