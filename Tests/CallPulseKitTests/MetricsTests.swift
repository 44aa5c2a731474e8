import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The test vectors of reference/METRICS.md through the real calculations.
@Suite struct MetricsTests {
    /// Whether two figures agree to 1e-9.
    func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-9
    }

    @Test func example1SeedNPS() {
        let nps = NetPromoterScore(promoters: 70, passives: 20, detractors: 10)
        #expect(nps.n == 100)
        #expect(close(nps.score, 60))
        #expect(close(nps.promoterShare, 0.7) && close(nps.passiveShare, 0.2) && close(nps.detractorShare, 0.1))
    }

    @Test func example2VarianceAndStandardError() {
        // p = 1/2, passives 1/3, d = 1/6 at n = 100 is not whole; the formula is checked on the shares,
        // and the score on n = 6 (3 promoters, 2 passives, 1 detractor).
        let variance = NetPromoterScore.variance(promoterShare: 1.0 / 2, detractorShare: 1.0 / 6)
        #expect(close(variance, 5.0 / 9))
        let standardError = (variance / 100).squareRoot() * 100
        #expect(abs(standardError - 7.45) < 0.005)
        let six = NetPromoterScore(promoters: 3, passives: 2, detractors: 1)
        #expect(abs(six.score! - 33.3) < 0.05)
        // The margin of error is 1.96 × SE: at n = 600 with the same shares, 1.96 × √(5/9/600) × 100.
        let large = NetPromoterScore(promoters: 300, passives: 200, detractors: 100)
        #expect(close(large.marginOfError, 1.96 * (5.0 / 9 / 600).squareRoot() * 100))
    }

    @Test(arguments: [(385, 10.0), (1537, 5.0)])
    func worstCaseMarginOfError(n: Int, points: Double) {
        // Worst case: half promoters, half detractors → Var = 1 → MoE = 196/√n.
        let nps = NetPromoterScore(promoters: n / 2, passives: n % 2, detractors: n / 2)
        #expect(abs(nps.marginOfError! - 196 / Double(n).squareRoot()) < 0.2)
        #expect(abs(196 / Double(n).squareRoot() - points) < 0.02) // METRICS.md rounds to ±10 and ±5
    }

    @Test func adjustedWaldAddsThreeQuartersAndThree() {
        let nps = NetPromoterScore(promoters: 2, passives: 0, detractors: 1)
        let p = 2.75 / 6, d = 1.75 / 6
        #expect(close(nps.adjustedMarginOfError, 1.96 * ((p + d - (p - d) * (p - d)) / 6).squareRoot() * 100))
        #expect(nps.shownMarginOfError?.method == "adjusted-wald")
        #expect(NetPromoterScore(promoters: 70, passives: 20, detractors: 10).shownMarginOfError?.method == "wald")
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 0).score == nil)
        #expect(NetPromoterScore(distribution: [1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]) ==
            NetPromoterScore(promoters: 2, passives: 2, detractors: 2))
    }

    @Test func adjustedWaldIntervalIsCentredOnTheAdjustedScore() throws {
        // METRICS.md: 10 detractors, 6 passives, 4 promoters → NPS −30; adjusted (4.75 − 10.75) / 23 = −26.09
        // ± 31.81 → interval −57.9 … +5.7 (not −61.8 … +1.8, which centres the margin on the reported score).
        let nps = NetPromoterScore(promoters: 4, passives: 6, detractors: 10)
        #expect(close(nps.score, -30))
        #expect(abs(nps.adjustedScore! - -26.09) < 0.005)
        #expect(abs(nps.adjustedMarginOfError! - 31.81) < 0.005)
        let interval = try #require(nps.adjustedWaldInterval)
        #expect(String(format: "%.1f", interval.lowerBound) == "-57.9")
        #expect(String(format: "%.1f", interval.upperBound) == "5.7")
        let shown = try #require(nps.shownInterval)
        #expect(shown.method == "adjusted-wald" && shown.interval == interval)
        // From 100 answers the Wald interval, centred on the score itself.
        let large = NetPromoterScore(promoters: 70, passives: 20, detractors: 10)
        #expect(large.shownInterval?.method == "wald")
        #expect(close(large.shownInterval?.interval.lowerBound, 60 - large.marginOfError!))
        #expect(close(large.shownInterval?.interval.upperBound, 60 + large.marginOfError!))
        // Never past the scale's ends.
        #expect(NetPromoterScore(promoters: 3, passives: 0, detractors: 0).shownInterval!.interval.upperBound <= 100)
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 0).shownInterval == nil)
    }

    @Test func example3CESMean() {
        // 100 answers averaging 4.2 on 1–5: 40 fives, 40 fours, 20 threes.
        let ces = ScaleSummary(range: 1...5, counts: [0, 0, 20, 40, 40])
        #expect(ces.n == 100)
        #expect(close(ces.mean, 4.2))
        let agreement = ScaleSummary(range: 1...7, counts: [1, 0, 0, 1, 1, 1, 0])
        #expect(close(agreement.percentGood(from: 5), 50))
        let effort = ScaleSummary(range: 1...5, good: .lowIsGood, counts: [3, 1, 0, 0, 0])
        #expect(close(effort.mean, 1.25))
    }

    @Test func csatTopTwoBox() {
        let csat = ScaleSummary(range: 1...5, counts: [1, 1, 0, 3, 5])
        #expect(close(csat.topTwoBoxPercent, 80))
        #expect(close(csat.mean, 4.0))
        #expect(ScaleSummary(range: 1...5).topTwoBoxPercent == nil)
    }

    @Test func example4CSIBothForms() {
        #expect(close(SatisfactionIndexForm.ofMaximum.index(mean: 8.5, range: 1...10), 85))
        #expect(close(SatisfactionIndexForm.ofRange.index(mean: 8.5, range: 1...10), 100 * 7.5 / 9))
        #expect(SatisfactionIndexForm.ofMaximum.label == "100 × mean ÷ max")
    }

    @Test func example5AllRates() {
        let counts = DispositionCounts(I: 5, P: 3, R: 2, NC: 1, O: 2, UH: 1, UO: 1, NE: 1)
        let rates = OutcomeRates(counts: counts, e: 0.5)
        let expected: [String: Double] = [
            "RR1": 1.0 / 3, "RR2": 8.0 / 15, "RR3": 5.0 / 14, "RR4": 4.0 / 7, "RR5": 5.0 / 13, "RR6": 8.0 / 13,
            "COOP1": 5.0 / 12, "COOP2": 2.0 / 3, "COOP3": 1.0 / 2, "COOP4": 4.0 / 5,
            "REF1": 2.0 / 15, "REF2": 1.0 / 7, "REF3": 2.0 / 13, "CON1": 4.0 / 5, "CON2": 6.0 / 7, "CON3": 12.0 / 13,
        ]
        #expect(Set(expected.keys) == Set(OutcomeRates.names))
        for (name, value) in expected {
            #expect(close(rates.rate(name), value), "\(name)")
        }
    }

    @Test func defaultEAndZeroDenominators() {
        let counts = DispositionCounts(I: 5, P: 3, R: 2, NC: 1, O: 2, UH: 1, UO: 1, NE: 1)
        #expect(close(OutcomeRates(counts: counts).e, 13.0 / 14))
        let empty = OutcomeRates(counts: DispositionCounts(NE: 4))
        #expect(empty.e == 0)
        #expect(OutcomeRates.names.allSatisfy { empty.rate($0) == nil })
        #expect(StatsFormat.percent(empty.rate("RR1")) == "–")
    }

    @Test(arguments: [
        ("1.1", DispositionGroup.I), ("1.2", .P), ("2.11", .R), ("2.12", .R), ("2.21", .NC), ("2.22", .NC),
        ("2.32", .O), ("2.33", .O), ("2.35", .O), ("3.11", .UH), ("3.12", .UH), ("3.13", .UH), ("3.14", .UH),
        ("3.16", .UH), ("3.90", .UO), ("4.20", .NE), ("4.31", .NE), ("4.41", .NE), ("4.70", .NE), ("4.80", .NE),
    ])
    func dispositionGroups(code: String, group: DispositionGroup) {
        #expect(DispositionGroup(code: code) == group)
    }

    @Test func everyCallOutcomeHasAGroupAndUnfinishedCasesFollowTheConvention() {
        #expect(CallOutcome.allCases.allSatisfy { DispositionGroup(code: $0.aaporCode) != nil })
        #expect(CaseDisposition.code(finalDisposition: nil, lastCallCode: nil) == "3.11")
        #expect(CaseDisposition.code(finalDisposition: nil, lastCallCode: "3.13") == "3.13")
        #expect(CaseDisposition.code(finalDisposition: "1.1", lastCallCode: "3.13") == "1.1")
    }

    @Test func productivity() {
        #expect(close(Productivity.completesPerHour(completes: 6, agentSeconds: 7200), 3))
        #expect(Productivity.completesPerHour(completes: 6, agentSeconds: 0) == nil)
        #expect(close(Productivity.meanInterviewSeconds(totalSeconds: 600, completes: 4), 150))
        #expect(close(Productivity.penetration(attempted: 250, loaded: 1000), 0.25))
        #expect(Productivity.penetration(attempted: 0, loaded: 0) == nil)
    }

    @Test func agentHoursAreTimeLoggedInNotClockHoursTouched() {
        // Six completes in eight minutes across 16:00 (15:56 … 16:04): one session of 480 s, 45 CPH,
        // where counting clock hours touched gave "2 hours, 3.00 CPH".
        let four = Int64(1_795_449_600) // 2026-11-23 16:00 UTC
        let spans = (0..<6).map { AgentSessions.Span(start: four - 240 + Int64($0) * 80, end: four - 240 + Int64($0 + 1) * 80) }
        #expect(AgentSessions.sessions(spans) == [(four - 240)...(four + 240)])
        #expect(AgentSessions.loggedInSeconds(spans) == 480)
        #expect(close(Productivity.completesPerHour(completes: 6, agentSeconds: 480), 45))
        // A gap over 15 minutes is a break: left out. Up to 15 minutes it is time logged in.
        let afterBreak = spans + [AgentSessions.Span(start: four + 240 + 901, end: four + 240 + 921)]
        #expect(AgentSessions.loggedInSeconds(afterBreak) == 500)
        let shortPause = spans + [AgentSessions.Span(start: four + 240 + 900, end: four + 240 + 920)]
        #expect(AgentSessions.loggedInSeconds(shortPause) == 480 + 920)
        // Order does not matter, overlapping calls count once, a call under way counts to its start.
        #expect(AgentSessions.loggedInSeconds(afterBreak.reversed()) == 500)
        #expect(AgentSessions.loggedInSeconds([.init(start: 0, end: 100), .init(start: 50, end: 80), .init(start: 60, end: nil)]) == 100)
        #expect(AgentSessions.loggedInSeconds([]) == 0)
    }

    @Test func barsAndSparklines() {
        #expect(TextBars.bar(1, width: 4) == "████")
        #expect(TextBars.bar(0.5, width: 4) == "██  ")
        #expect(TextBars.bar(0.01, width: 4, pad: false) == "▏")
        #expect(TextBars.bar(0, width: 3) == "   ")
        #expect(TextBars.sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█")
        #expect(TextBars.sparkline([0, 0]) == "▁▁")
    }
}
