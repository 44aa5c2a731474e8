import CallPulseDomain
import CallPulseStore
import Foundation

extension StatsSnapshot {
    /// The scores of a script's rating-scale questions from their answer counts (value → answers).
    static func scores(script: InterviewScript, answers: [String: [Double: Int]],
                       choices: [String: [String: Int]] = [:]) -> Scores {
        var scores = Scores(basis: "complete interviews", scales: [],
                            choices: script.questions.compactMap { ChoiceStats.make($0, counts: choices[$0.id] ?? [:], script: script) })
        for question in script.questions {
            guard let range = question.kind.scaleRange, let good = question.kind.goodDirection else { continue }
            let summary = ScaleSummary(range: range, good: good, counts: points(answers[question.id] ?? [:], in: range))
            scores.scales.append(ScaleStats(questionId: question.id, kind: question.kind.typeName, min: range.lowerBound,
                                            max: range.upperBound, good: good.rawValue, n: summary.n, mean: summary.mean,
                                            distribution: summary.counts))
            switch question.kind {
            case .nps where scores.nps == nil:
                scores.nps = npsStats(questionId: question.id, distribution: summary.counts)
            case .ces where scores.ces == nil:
                let agreeing = range == 1...7 && good == .highIsGood ? summary.percentGood(from: 5) : nil
                scores.ces = CESStats(questionId: question.id, n: summary.n, mean: summary.mean, min: range.lowerBound,
                                      max: range.upperBound, good: good.rawValue, percentAgreeing: agreeing)
            case .csat where scores.csat == nil:
                scores.csat = CSATStats(questionId: question.id, n: summary.n, percent: summary.topTwoBoxPercent,
                                        mean: summary.mean)
                scores.csi = CSIStats(questionId: question.id, value: summary.satisfactionIndex(.ofMaximum),
                                      formula: SatisfactionIndexForm.ofMaximum.label,
                                      rangeValue: summary.satisfactionIndex(.ofRange),
                                      rangeFormula: SatisfactionIndexForm.ofRange.label)
            default:
                break
            }
        }
        return scores
    }

    static func npsStats(questionId: String, distribution: [Int]) -> NPSStats {
        let nps = NetPromoterScore(distribution: distribution)
        return NPSStats(questionId: questionId, n: nps.n, score: nps.score, promoters: nps.promoters,
                        passives: nps.passives, detractors: nps.detractors, promoterShare: nps.promoterShare,
                        passiveShare: nps.passiveShare, detractorShare: nps.detractorShare,
                        marginOfError: nps.marginOfError, adjustedMarginOfError: nps.adjustedMarginOfError,
                        adjustedScore: nps.adjustedScore, shownMarginOfErrorMethod: nps.shownMarginOfError?.method,
                        intervalLow: nps.shownInterval?.interval.lowerBound,
                        intervalHigh: nps.shownInterval?.interval.upperBound, distribution: distribution)
    }

    /// The scores of one group of a `--by` breakdown.
    static func group(script: InterviewScript, _ group: StatsTallies.GroupScores) -> GroupStats {
        let scores = scores(script: script, answers: group.answers)
        let nps = scores.nps.map { NetPromoterScore(distribution: $0.distribution) }
        return GroupStats(value: group.value, n: group.interviews, nps: nps?.score, npsN: nps?.n ?? 0,
                          npsMarginOfError: nps?.shownMarginOfError?.value,
                          npsMarginOfErrorMethod: nps?.shownMarginOfError?.method,
                          npsIntervalLow: nps?.shownInterval?.interval.lowerBound,
                          npsIntervalHigh: nps?.shownInterval?.interval.upperBound,
                          cesMean: scores.ces?.mean, csatPercent: scores.csat?.percent)
    }
}
