/// A `when` condition of a question or alert, e.g. `csat <= 2 or nps <= 6`.
///
/// The language: `and`, `or`, `not`, parentheses, comparisons `= != < <= > >=`,
/// `x in [a, b, 3]` (or `x in (a, b, 3)`), `answered(x)`; operands are question ids, numbers, quoted strings
/// and `yes`/`no`/`true`/`false`. Precedence, tightest first: `not`, comparison, `and`, `or`;
/// `not` negates the comparison, `answered(…)` or parenthesised group after it.
///
/// Evaluation: any comparison or `in` on an unanswered question is `false` (so
/// `not answered(x)` is the way to ask "was x skipped"). For a multiple choice, `q = code`
/// and `q in [...]` hold when any chosen code matches, `q != code` when none does.
/// Comparing values of different types (a yes/no with a number) is `false`; the script
/// loader reports such comparisons as problems.
public indirect enum Condition: Sendable, Hashable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    /// `lhs op rhs`.
    case comparison(ConditionOperand, ComparisonOperator, ConditionOperand)
    /// `subject in [list]`.
    case membership(ConditionOperand, [ConditionOperand])
    /// `answered(id)`: the question has a non-empty answer.
    case answered(String)

    /// Parses a condition; throws `ConditionSyntaxError` with the offset of the bad token.
    ///
    /// A bare identifier is a question id, except in an `in` list or on the right of a
    /// comparison, where it is a choice code unless it is one of `questionIDs`.
    public init(parsing source: String, questionIDs: Set<String> = []) throws(ConditionSyntaxError) {
        var parser = ConditionParser(source: source, questionIDs: questionIDs)
        self = try parser.parse().condition
    }

    /// Whether the condition holds for `answers` (keyed by question id).
    public func evaluate(_ answers: [String: AnswerValue]) -> Bool {
        switch self {
        case let .and(lhs, rhs):
            return lhs.evaluate(answers) && rhs.evaluate(answers)
        case let .or(lhs, rhs):
            return lhs.evaluate(answers) || rhs.evaluate(answers)
        case let .not(inner):
            return !inner.evaluate(answers)
        case let .answered(id):
            return answers[id]?.isAnswered ?? false
        case let .comparison(lhs, op, rhs):
            guard let left = lhs.value(in: answers), let right = rhs.value(in: answers) else { return false }
            return Self.compare(left, op, right)
        case let .membership(subject, list):
            guard let value = subject.value(in: answers) else { return false }
            return list.contains { element in
                guard let candidate = element.value(in: answers) else { return false }
                return Self.compare(value, .equal, candidate)
            }
        }
    }

    /// Every question id the condition reads, including those in `answered(…)`.
    public var referencedQuestionIDs: Set<String> {
        switch self {
        case let .and(lhs, rhs), let .or(lhs, rhs):
            return lhs.referencedQuestionIDs.union(rhs.referencedQuestionIDs)
        case let .not(inner):
            return inner.referencedQuestionIDs
        case let .answered(id):
            return [id]
        case let .comparison(lhs, _, rhs):
            return Set([lhs, rhs].compactMap(\.questionID))
        case let .membership(subject, list):
            return Set(([subject] + list).compactMap(\.questionID))
        }
    }

    /// Compares two present values; mismatched types compare false.
    package static func compare(_ lhs: AnswerValue, _ op: ComparisonOperator, _ rhs: AnswerValue) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)):
            return op.holds(a, b)
        case let (.bool(a), .bool(b)):
            return op == .equal ? a == b : op == .notEqual ? a != b : false
        case let (.text(a), .text(b)):
            return op == .equal ? a == b : op == .notEqual ? a != b : false
        case let (.choices(chosen), .text(code)), let (.text(code), .choices(chosen)):
            return op == .equal ? chosen.contains(code) : op == .notEqual ? !chosen.contains(code) : false
        case let (.choices(a), .choices(b)):
            return op == .equal ? Set(a) == Set(b) : op == .notEqual ? Set(a) != Set(b) : false
        default:
            return false
        }
    }
}

/// One side of a comparison, or an element of an `in` list.
public enum ConditionOperand: Sendable, Hashable {
    /// The answer to the question with this id.
    case question(String)
    case number(Double)
    /// A quoted string, or a bare choice code.
    case string(String)
    /// `yes`/`true` or `no`/`false`.
    case bool(Bool)

    /// The question id, if this operand reads an answer.
    public var questionID: String? {
        if case let .question(id) = self { id } else { nil }
    }

    /// The operand's value; `nil` for an unanswered question.
    package func value(in answers: [String: AnswerValue]) -> AnswerValue? {
        switch self {
        case let .question(id): answers[id].flatMap { $0.isAnswered ? $0 : nil }
        case let .number(value): .number(value)
        case let .string(value): .text(value)
        case let .bool(value): .bool(value)
        }
    }
}

/// A comparison operator of the condition language.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether `lhs op rhs` holds for numbers.
    package func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}
