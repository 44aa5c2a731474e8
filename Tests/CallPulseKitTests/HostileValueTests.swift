import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The pure parts of issue 12: values at the edges of Int64 and Double never trap or allocate.
@Suite struct HostileValueTests {
    @Test func aScaleSummaryOverTheWholeInt64RangeNeitherTrapsNorAllocates() {
        var summary = ScaleSummary(range: Int.min...Int.max)
        summary.add(Int.max)
        summary.add(Int.min)
        summary.add(7, count: 2)
        #expect(summary.n == 4)
        // Summed in Double: the ends cancel or swallow the 14 depending on the order, but never trap.
        #expect(summary.mean.map { $0.isFinite && abs($0) < 1e4 } == true)
        #expect(summary.percentGood(from: 0) == 75)
        #expect(summary.counts == [1, 2, 1])
    }

    @Test func aMeanOverAWideRangeIsExact() {
        var summary = ScaleSummary(range: -1_000_000...1_000_000)
        summary.add(1_000_000)
        summary.add(-1_000_000)
        summary.add(7, count: 2)
        #expect(summary.mean == 3.5)
    }

    @Test func aBoundedScaleStillHasOneCountPerPoint() {
        var summary = ScaleSummary(range: 0...10)
        summary.add(10, count: 3)
        summary.add(11)
        #expect(summary.counts == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3])
        #expect(ScaleSummary(range: 1...5, counts: [1, 0, 0, 0, 1]).mean == 3)
    }

    @Test func storedValuesBeyondInt64AreDroppedFromTheDistribution() {
        #expect(StatsSnapshot.points([1e300: 1, 9.223372036854775807e18: 1, -.infinity: 1, 2.5: 1, 5: 2], in: 1...5) == [0, 0, 0, 0, 2])
    }

    @Test func aScaleDoesNotAcceptAnAnswerBeyondInt64() {
        let wide = QuestionKind.scale(min: Int.min, max: Int.max, good: .highIsGood, minLabel: nil, maxLabel: nil)
        #expect(!wide.accepts(.number(9.223372036854775807e18)))
        #expect(wide.accepts(.number(-9.223372036854775807e18)))
        #expect(!QuestionKind.number(min: nil, max: nil).accepts(.number(.infinity)))
        #expect(!QuestionKind.number(min: nil, max: nil).accepts(.number(.nan)))
    }
}
