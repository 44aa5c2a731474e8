import CallPulseDomain
import CallPulseStore

/// How an answer is written in the export, for researchers (the codebook says the same):
/// rating scales and numbers as numbers, yes/no as 1 = yes / 0 = no, a choice as its code
/// (several codes of a multiple choice separated by spaces), free text verbatim. A question
/// that was asked but not answered carries a code; one that was never asked stays empty.
public enum AnswerCoding {
    /// The respondent did not know.
    public static let dontKnow = "DK"
    /// The respondent refused to answer.
    public static let refused = "REF"
    /// An optional question was asked and skipped.
    public static let skipped = "SKIP"

    /// The special codes with their meaning, as the codebook lists them.
    public static let specialCodes = [
        (dontKnow, "don't know"), (refused, "refused"), (skipped, "asked, not answered"),
        ("(empty)", "not asked"),
    ]

    /// The code of a special answer as stored (`dontKnow`, `refused`, `skipped`).
    static func code(ofSpecial special: String) -> String {
        switch special {
        case SpecialAnswer.dontKnow.rawValue: dontKnow
        case SpecialAnswer.refused.rawValue: refused
        default: skipped
        }
    }

    /// The field for a stored answer: `value` as `ExportStore.exportInterviews` reads it (nil for
    /// a special answer or none).
    static func field(value: ExportedAnswer.Value?, special: String?, kind: QuestionKind) -> CSVWriter.Field {
        switch value {
        case let .integer(number)?:
            if case .yesno = kind { return .number(number == 0 ? "0" : "1") }
            return .number(String(number))
        case let .real(number)?: return .number(NumberText.format(number))
        case let .text(text)?: return .text(text)
        case nil: return special.map { .text(code(ofSpecial: $0)) } ?? .empty
        }
    }
}
