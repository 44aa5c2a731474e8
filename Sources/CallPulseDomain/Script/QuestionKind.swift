/// Which end of a rating scale is the good one.
public enum ScaleDirection: String, Sendable, Codable {
    /// The highest number is the best answer (e.g. 5 = very easy).
    case highIsGood = "high"
    /// The lowest number is the best answer (e.g. 1 = very little effort).
    case lowIsGood = "low"
}

/// One answer option of a `choice` question.
public struct ChoiceOption: Sendable, Hashable {
    /// The code stored as the answer and used in conditions, e.g. `phone`.
    public var code: String
    /// What the agent reads out.
    public var label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// The type of a question, with the range and labels of rating scales.
public enum QuestionKind: Sendable, Hashable {
    /// Net Promoter Score question, 0–10.
    case nps
    /// Customer Effort Score; by default 1–5 with 5 = very easy (high is good).
    case ces(min: Int, max: Int, good: ScaleDirection, minLabel: LocalizedText?, maxLabel: LocalizedText?)
    /// Customer satisfaction, 1–5 with 5 = very satisfied.
    case csat
    /// Any other rating scale with labelled ends.
    case scale(min: Int, max: Int, good: ScaleDirection, minLabel: LocalizedText?, maxLabel: LocalizedText?)
    /// A yes/no question; answered with `AnswerValue.bool`.
    case yesno
    /// Pick one option (or several when `multiple`); answered with `AnswerValue.choices`.
    case choice(options: [ChoiceOption], multiple: Bool)
    /// A number, optionally bounded on either side.
    case number(min: Double?, max: Double?)
    /// Free text.
    case text

    /// The YAML `type` name of this kind, e.g. `"ces"`.
    public var typeName: String {
        switch self {
        case .nps: "nps"
        case .ces: "ces"
        case .csat: "csat"
        case .scale: "scale"
        case .yesno: "yesno"
        case .choice: "choice"
        case .number: "number"
        case .text: "text"
        }
    }

    /// The most points a ces or scale question may have (0–100 is the widest common scale): stats,
    /// reports and the console show one count per point.
    public static let maxScalePoints = 101
    /// The largest magnitude a scale end may have.
    public static let scaleEndLimit = 1_000_000
    /// The largest magnitude a number answer, and a number question's `min` and `max`, may have:
    /// 10^15 still holds every whole number exactly in the database's REAL column.
    public static let numberLimit: Double = 1e15

    /// The inclusive range of a rating scale (nps, ces, csat, scale); `nil` for other kinds.
    public var scaleRange: ClosedRange<Int>? {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case let .ces(min, max, _, _, _), let .scale(min, max, _, _, _): min...max
        default: nil
        }
    }

    /// Which end of a rating scale is good; `nil` for kinds that are not rating scales.
    public var goodDirection: ScaleDirection? {
        switch self {
        case .nps, .csat: .highIsGood
        case let .ces(_, _, good, _, _), let .scale(_, _, good, _, _): good
        default: nil
        }
    }

    /// The label of the lowest point of a rating scale (the script's own, or the default for nps, ces and csat).
    public var minLabel: LocalizedText? {
        switch self {
        case .nps: DefaultScaleLabels.npsMin
        case .csat: DefaultScaleLabels.csatMin
        case let .ces(_, _, _, label, _), let .scale(_, _, _, label, _): label
        default: nil
        }
    }

    /// The label of the highest point of a rating scale (the script's own, or the default for nps, ces and csat).
    public var maxLabel: LocalizedText? {
        switch self {
        case .nps: DefaultScaleLabels.npsMax
        case .csat: DefaultScaleLabels.csatMax
        case let .ces(_, _, _, _, label), let .scale(_, _, _, _, label): label
        default: nil
        }
    }

    /// Whether `answer` is a well-formed answer to a question of this kind (type and range).
    public func accepts(_ answer: AnswerValue) -> Bool {
        switch (self, answer) {
        case let (.number(min, max), .number(value)):
            return value.isFinite && abs(value) <= Self.numberLimit
                && value >= (min ?? -.infinity) && value <= (max ?? .infinity)
        case let (_, .number(value)):
            guard let range = scaleRange, let whole = Int(exactly: value) else { return false }
            return range.contains(whole)
        case (.yesno, .bool):
            return true
        case (.text, .text):
            return true
        case let (.choice(options, multiple), .choices(codes)):
            let known = Set(options.map(\.code))
            return !codes.isEmpty && (multiple || codes.count == 1) && codes.allSatisfy(known.contains)
        default:
            return false
        }
    }
}
