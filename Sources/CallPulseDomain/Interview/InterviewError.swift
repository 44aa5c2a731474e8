import Foundation

/// Why `InterviewState.record(_:for:)` refused an answer; each message names the question.
public enum InterviewError: Error, LocalizedError, Sendable, Hashable {
    /// No question has this id in the script.
    case unknownQuestion(String)
    /// The question is not asked given the earlier answers.
    case notApplicable(String)
    /// `skipped` on a question that is not optional.
    case notOptional(String)
    /// The answer has both a value and a special answer, or neither.
    case malformedAnswer(String)
    /// The value's type or range does not fit the question (question id, value).
    case invalidValue(String, AnswerValue)

    public var errorDescription: String? {
        switch self {
        case let .unknownQuestion(id):
            "the script has no question '\(id)'"
        case let .notApplicable(id):
            "question '\(id)' is not asked given the earlier answers"
        case let .notOptional(id):
            "question '\(id)' is not optional and cannot be skipped; use don't know or refused"
        case let .malformedAnswer(id):
            "the answer to '\(id)' must be either a value or skipped/don't know/refused"
        case let .invalidValue(id, value):
            "\(Self.show(value)) is not a valid answer to '\(id)'"
        }
    }

    /// A value as the agent would write it: `11`, `'seven'`, `yes`, `[phone, fax]`.
    private static func show(_ value: AnswerValue) -> String {
        switch value {
        case let .number(number): InputText.format(number)
        case let .text(text): "'\(text)'"
        case let .bool(flag): flag ? "yes" : "no"
        case let .choices(codes): "[\(codes.joined(separator: ", "))]"
        }
    }
}
