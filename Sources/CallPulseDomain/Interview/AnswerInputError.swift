import Foundation

/// Why what the agent typed is not an answer to the question; the console re-prompts with `message`.
///
/// Each message is short, English, names the bad input and says what to type instead,
/// e.g. `'11': enter a whole number from 0 to 10`.
public enum AnswerInputError: Error, LocalizedError, Sendable, Hashable {
    /// Nothing was typed. `optional` says whether the question may be skipped.
    case empty(optional: Bool)
    /// A rating scale got something other than a whole number in its range.
    case notWholeNumber(String, range: ClosedRange<Int>)
    /// A number question got something that is not a number within its bounds.
    case notNumber(String, min: Double?, max: Double?)
    /// A yes/no question got something other than a yes or no word.
    case notYesNo(String)
    /// A choice question got something that is not an option number or code.
    case notChoice(String, optionCount: Int, multiple: Bool)

    /// The re-prompt line, e.g. `'x': answer y or n`.
    public var message: String {
        switch self {
        case let .empty(optional):
            optional ? "type the answer, or /skip" : "type the answer, or /dk (don't know) or /ref (refused)"
        case let .notWholeNumber(input, range):
            "\(Self.quote(input)): enter a whole number from \(range.lowerBound) to \(range.upperBound)"
        case let .notNumber(input, min, max):
            "\(Self.quote(input)): enter a number\(Self.bounds(min: min, max: max)) (decimals with . or ,)"
        case let .notYesNo(input):
            "\(Self.quote(input)): answer y or n"
        case let .notChoice(input, count, multiple):
            "\(Self.quote(input)): " + (multiple
                ? "choose one or more of \(Self.span(count)), e.g. 1,3"
                : "choose \(Self.span(count))")
        }
    }

    public var errorDescription: String? { message }

    /// The input in quotes, shortened to 24 characters.
    package static func quote(_ input: String) -> String {
        input.count > 24 ? "'\(input.prefix(23))…'" : "'\(input)'"
    }

    /// ` from 0 to 10`, ` of at least 0`, ` of at most 5` or nothing.
    package static func bounds(min: Double?, max: Double?) -> String {
        switch (min, max) {
        case let (min?, max?): " from \(InputText.format(min)) to \(InputText.format(max))"
        case let (min?, nil): " of at least \(InputText.format(min))"
        case let (nil, max?): " of at most \(InputText.format(max))"
        case (nil, nil): ""
        }
    }

    /// `1–4`, or `1` for a single option.
    package static func span(_ count: Int) -> String {
        count <= 1 ? "1" : "1–\(count)"
    }
}
