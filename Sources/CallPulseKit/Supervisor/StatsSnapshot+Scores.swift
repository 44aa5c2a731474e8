import Foundation

extension StatsSnapshot {
    /// Scores from complete interviews only (partials and break-offs are left out).
    public struct Scores: Codable, Sendable, Equatable {
        /// Always "complete interviews".
        public var basis: String
        public var nps: NPSStats?
        public var ces: CESStats?
        public var csat: CSATStats?
        public var csi: CSIStats?
        /// Every rating-scale question of the script (nps, ces, csat, scale), in script order.
        public var scales: [ScaleStats]
        /// Every choice and yes/no question of the script with how often each answer was given, in script order.
        public var choices: [ChoiceStats] = []
    }

    /// Net Promoter Score with its margin of error.
    public struct NPSStats: Codable, Sendable, Equatable {
        public var questionId: String
        public var n: Int
        public var score: Double?
        public var promoters: Int
        public var passives: Int
        public var detractors: Int
        public var promoterShare: Double?
        public var passiveShare: Double?
        public var detractorShare: Double?
        /// 95 % margin of error in points, Wald: the half-width around `score`.
        public var marginOfError: Double?
        /// 95 % margin of error in points, adjusted Wald (+¾ promoters, +¾ detractors, +3 n): the
        /// half-width around `adjustedScore`, not around `score`.
        public var adjustedMarginOfError: Double?
        /// The adjusted NPS the adjusted-Wald interval is centred on: 100 × (promoters − detractors) / (n + 3).
        public var adjustedScore: Double?
        /// "adjusted-wald" below 100 answers, "wald" from then on: the one the dashboard shows.
        public var shownMarginOfErrorMethod: String?
        /// The bounds of the 95 % interval `shownMarginOfErrorMethod` names, −100…+100. The adjusted-Wald
        /// interval is not symmetric around `score`: read these, not `score` ± a margin.
        public var intervalLow: Double?
        public var intervalHigh: Double?
        /// Answers of 0, 1, … 10.
        public var distribution: [Int]

        /// The margin of error shown beside the score: the one `shownMarginOfErrorMethod` names.
        public var shownMarginOfError: Double? {
            shownMarginOfErrorMethod == "wald" ? marginOfError : adjustedMarginOfError
        }
    }

    /// Customer Effort Score: the mean on the script's scale.
    public struct CESStats: Codable, Sendable, Equatable {
        public var questionId: String
        public var n: Int
        public var mean: Double?
        public var min: Int
        public var max: Int
        /// "high" or "low": which end is good.
        public var good: String
        /// For 1–7 agreement scales: % answering 5–7.
        public var percentAgreeing: Double?
    }

    /// Customer Satisfaction Score.
    public struct CSATStats: Codable, Sendable, Equatable {
        public var questionId: String
        public var n: Int
        /// Top-2-box: 100 × (4s and 5s) / n.
        public var percent: Double?
        public var mean: Double?
    }

    /// Customer Satisfaction Index of the CSAT question, in both forms.
    public struct CSIStats: Codable, Sendable, Equatable {
        public var questionId: String
        /// 100 × mean ÷ max (the seeds' form; the one the dashboard shows).
        public var value: Double?
        public var formula: String
        /// 100 × (mean − min) ÷ (max − min).
        public var rangeValue: Double?
        public var rangeFormula: String
    }

    /// Any rating-scale question.
    public struct ScaleStats: Codable, Sendable, Equatable {
        public var questionId: String
        /// nps, ces, csat or scale.
        public var kind: String
        public var min: Int
        public var max: Int
        public var good: String
        public var n: Int
        public var mean: Double?
        /// Answers of min, min+1, … max.
        public var distribution: [Int]
    }

    /// Scores broken down by a contact field.
    public struct Breakdown: Codable, Sendable, Equatable {
        public var field: String
        public var groups: [GroupStats]
    }

    /// The scores of one value of the field ("" for contacts without it).
    public struct GroupStats: Codable, Sendable, Equatable {
        public var value: String
        /// Complete interviews in the group.
        public var n: Int
        public var nps: Double?
        public var npsN: Int
        /// The half-width of the interval `npsMarginOfErrorMethod` names (around the adjusted NPS for adjusted Wald).
        public var npsMarginOfError: Double?
        /// "wald" or "adjusted-wald".
        public var npsMarginOfErrorMethod: String?
        /// The bounds of the group's 95 % NPS interval (see `NPSStats.intervalLow`).
        public var npsIntervalLow: Double?
        public var npsIntervalHigh: Double?
        public var cesMean: Double?
        public var csatPercent: Double?
    }
}
