/// The group a quota counts, written in the script's condition language (`Condition`).
///
/// A name that is a question id of the script reads that answer; any other name reads the
/// contact's field of that name from the call list, or `language` (the contact's interview
/// language). A name that is both, or neither, is refused when the quota is defined
/// (`QuotaDefinitionError`). A field compared with a number (`store = 12`, `age >= 30`) is read
/// as a number (a value that is not one compares false); otherwise it is read as text, compared
/// exactly. An empty field counts as missing: it compares false and `answered(field)` is false.
public struct QuotaGroup: Sendable, Hashable {
    /// The definition as written, e.g. `touchpoint = "support"`.
    public let definition: String
    public let condition: Condition
    /// The question ids the definition reads.
    public let answerNames: Set<String>
    /// The call-list fields (and `language`) the definition reads.
    public let fieldNames: Set<String>
    /// Fields compared with a number somewhere in the definition: read as numbers.
    let numericFields: Set<String>

    /// The name of the contact's interview language in a definition.
    public static let languageName = "language"

    /// Parses and checks a definition against the script's `questionIDs` and the call list's `fields`.
    public init(parsing definition: String, quota: String, questionIDs: Set<String>,
                fields: [String]) throws(QuotaDefinitionError) {
        let known = Set(fields).union([Self.languageName])
        try self.init(definition, quota: quota, questionIDs: questionIDs) { name throws(QuotaDefinitionError) in
            switch (questionIDs.contains(name), known.contains(name)) {
            case (true, true): throw .ambiguousName(quota: quota, name: name)
            case (false, false): throw .unknownName(quota: quota, name: name, fields: fields)
            default: return
            }
        }
    }

    /// Restores a group stored with the question ids it was checked against (`answerNames`).
    public init(stored definition: String, answerNames: Set<String>) throws(QuotaDefinitionError) {
        try self.init(definition, quota: "", questionIDs: answerNames) { _ throws(QuotaDefinitionError) in }
    }

    private init(_ definition: String, quota: String, questionIDs: Set<String>,
                 check: (String) throws(QuotaDefinitionError) -> Void) throws(QuotaDefinitionError) {
        var parser = ConditionParser(source: definition, questionIDs: questionIDs)
        let parsed: ParsedCondition
        do { parsed = try parser.parse() } catch {
            throw .syntax(quota: quota, definition: definition, error: error)
        }
        var answers: Set<String> = [], fields: Set<String> = []
        for reference in parsed.references {
            try check(reference.id)
            if questionIDs.contains(reference.id) { answers.insert(reference.id) } else { fields.insert(reference.id) }
        }
        guard !answers.isEmpty || !fields.isEmpty else { throw .noNames(quota: quota) }
        self.definition = definition
        condition = parsed.condition
        answerNames = answers
        fieldNames = fields
        numericFields = Set(parsed.literalComparisons.compactMap { comparison in
            guard case .number = comparison.literal, fields.contains(comparison.questionID) else { return nil }
            return comparison.questionID
        })
    }

    /// What the group is defined on.
    public var kind: QuotaKind {
        if answerNames.isEmpty { return .fieldOnly }
        return fieldNames.isEmpty ? .answerOnly : .both
    }

    /// Whether an interview with the contact's `fields`, interview `language` and `answers` so far
    /// is in the group. For a field-only group the answers do not matter.
    public func contains(fields: [String: String], language: String?, answers: [String: AnswerValue] = [:]) -> Bool {
        var values: [String: AnswerValue] = [:]
        for name in fieldNames {
            guard let text = name == Self.languageName ? language : fields[name],
                  !text.allSatisfy(\.isWhitespace) else { continue }
            values[name] = numericFields.contains(name) ? Double(text).map(AnswerValue.number) : .text(text)
        }
        for name in answerNames { values[name] = answers[name] }
        return condition.evaluate(values)
    }

    /// The group as `field ∈ values` terms that must all hold, when it is that simple on text fields:
    /// `touchpoint = support`, `segment in (A, B) and language = sv`. Nil for anything else (a
    /// number, `or`, `not`, `!=`, an answer, a value that is only spaces): a store may use the terms
    /// to keep a full group's contacts back in its query, exactly as `contains` would, and must
    /// leave other groups to `contains`.
    public var fieldTerms: [(name: String, values: [String])]? {
        guard answerNames.isEmpty else { return nil }
        return Self.terms(condition, numeric: numericFields)
    }

    private static func terms(_ condition: Condition, numeric: Set<String>) -> [(name: String, values: [String])]? {
        func text(_ operand: ConditionOperand) -> String? {
            guard case let .string(value) = operand, !value.allSatisfy(\.isWhitespace) else { return nil }
            return value
        }
        switch condition {
        case let .and(lhs, rhs):
            guard let left = terms(lhs, numeric: numeric), let right = terms(rhs, numeric: numeric) else { return nil }
            return left + right
        case let .comparison(.question(name), .equal, value), let .comparison(value, .equal, .question(name)):
            guard !numeric.contains(name), let value = text(value) else { return nil }
            return [(name, [value])]
        case let .membership(.question(name), list):
            let values = list.compactMap(text)
            guard !numeric.contains(name), !values.isEmpty, values.count == list.count else { return nil }
            return [(name, values)]
        default:
            return nil
        }
    }

    /// The definition in a normal form for messages: `touchpoint = support`, `segment in (A, B)`.
    public var summary: String { Self.describe(condition, top: true) }

    private static func describe(_ condition: Condition, top: Bool = false) -> String {
        func group(_ text: String) -> String { top ? text : "(\(text))" }
        switch condition {
        case let .and(lhs, rhs): return group("\(describe(lhs)) and \(describe(rhs))")
        case let .or(lhs, rhs): return group("\(describe(lhs)) or \(describe(rhs))")
        case let .not(inner): return "not \(describe(inner))"
        case let .answered(name): return "answered(\(name))"
        case let .comparison(lhs, op, rhs): return "\(describe(lhs)) \(op.rawValue) \(describe(rhs))"
        case let .membership(subject, list): return "\(describe(subject)) in (\(list.map(describe).joined(separator: ", ")))"
        }
    }

    private static func describe(_ operand: ConditionOperand) -> String {
        switch operand {
        case let .question(name): return name
        case let .number(value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case let .bool(value): return value ? "yes" : "no"
        case let .string(text):
            let bare = text.unicodeScalars.first.map(ConditionLexer.isIdentifierStart) == true
                && text.unicodeScalars.allSatisfy(ConditionLexer.isIdentifierPart)
                && !ConditionParser.reservedWords.contains(text)
            return bare ? text : "\"\(text)\""
        }
    }
}
