import Yams

extension ScriptLoader {
    /// Parses and checks each question's `when`; a condition may only use questions asked before it.
    package mutating func checkQuestionConditions(_ questions: inout [Question], whenNodes: [Node?]) {
        let index = QuestionIndex(questions)
        for position in questions.indices {
            guard let node = whenNodes[position], let source = questions[position].whenSource else { continue }
            let context = "the condition of question '\(questions[position].id)'"
            questions[position].when = readCondition(source, node: node, context: context, questions: index, askedBefore: position)
        }
    }

    /// Reads the `alerts` list; an alert's condition may use any question.
    package mutating func readAlerts(_ node: Node, questions: [Question]) -> [ScriptAlert] {
        let questions = QuestionIndex(questions)
        guard case let .sequence(sequence) = node else {
            report("'alerts' must be a list of { when: …, reason: … }", at: node)
            return []
        }
        var alerts: [ScriptAlert] = []
        for (index, element) in sequence.enumerated() {
            let context = "alert \(index + 1)"
            guard case let .mapping(mapping) = element else {
                report("\(context) must be a mapping with 'when' and 'reason'", at: element)
                continue
            }
            checkKeys(mapping, allowed: ["when", "reason"], in: context)
            var reason = LocalizedText([:])
            if let reasonNode = mapping["reason"] {
                if case let .scalar(scalar) = reasonNode {
                    reason = LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, scalar.string) }))
                    if scalar.string.allSatisfy(\.isWhitespace) { report("the reason of \(context) is empty", at: reasonNode) }
                } else {
                    reason = readText(reasonNode, what: "the reason of \(context)") ?? reason
                }
            } else {
                report("\(context) is missing 'reason'", at: element)
            }
            guard let whenNode = mapping["when"] else {
                report("\(context) is missing 'when'", at: element)
                continue
            }
            guard let source = string(whenNode, what: "'when' of \(context)"),
                  let condition = readCondition(source, node: whenNode, context: "the condition of \(context)", questions: questions, askedBefore: nil)
            else { continue }
            alerts.append(ScriptAlert(when: condition, whenSource: source, reason: reason, line: position(of: element).line))
        }
        return alerts
    }

    /// Parses a condition and checks its question ids and literals; reports at the offending token.
    ///
    /// With `askedBefore`, the condition may only use questions at smaller indices.
    private mutating func readCondition(
        _ source: String, node: Node, context: String, questions: QuestionIndex, askedBefore limit: Int?
    ) -> Condition? {
        var parser = ConditionParser(source: source, questionIDs: questions.ids)
        let parsed: ParsedCondition
        do {
            parsed = try parser.parse()
        } catch {
            report("syntax error in \(context): \(error.message)", at: conditionPosition(node, offset: error.offset))
            return nil
        }
        for reference in parsed.references {
            let position = conditionPosition(node, offset: reference.offset)
            guard let index = questions.position[reference.id] else {
                reportUnknownQuestion(reference.id, in: context, questions: questions, at: position)
                continue
            }
            if let limit, index == limit {
                report("\(context) refers to the question itself ('\(reference.id)')", at: position)
            } else if let limit, index > limit {
                report(
                    "\(context) refers to '\(reference.id)', which is asked after it; a condition may only use earlier questions",
                    at: position)
            }
        }
        for comparison in parsed.literalComparisons {
            guard let question = questions.position[comparison.questionID].map({ questions.all[$0] }) else { continue }
            checkLiteral(comparison, against: question, context: context, questions: questions, node: node)
        }
        return parsed.condition
    }

    /// Reports a literal that can never match the question it is compared with.
    private mutating func checkLiteral(
        _ comparison: ParsedCondition.LiteralComparison, against question: Question, context: String,
        questions: QuestionIndex, node: Node
    ) {
        let position = conditionPosition(node, offset: comparison.literalOffset)
        let written = comparison.literalText
        let isBareWord = !(written.hasPrefix("'") || written.hasPrefix("\""))
        let isOrdering = ![.equal, .notEqual].contains(comparison.op)
        let id = question.id
        switch (question.kind, comparison.literal) {
        case (.yesno, .bool):
            if isOrdering { report("question '\(id)' is yes/no; only = and != apply, not \(comparison.op.rawValue)", at: position) }
        case (.yesno, _):
            report("question '\(id)' is yes/no; compare it with yes or no, not \(written)", at: position)
        case let (.choice(options, _), .string(code)) where options.contains(where: { $0.code == code }):
            if isOrdering { report("question '\(id)' is a choice; only =, != and in apply, not \(comparison.op.rawValue)", at: position) }
        case let (.choice(options, _), _):
            let codes = options.map(\.code).joined(separator: ", ")
            report("'\(written)' is not an option of question '\(id)' (options: \(codes)) in \(context)", at: position)
        case (.text, .string):
            if isBareWord { reportUnknownQuestion(written, in: context, questions: questions, at: position) }
        case (.text, _):
            report("question '\(id)' is free text; compare it with a quoted string, not \(written)", at: position)
        case (_, .string) where isBareWord:
            reportUnknownQuestion(written, in: context, questions: questions, at: position)
        case (_, .string), (_, .bool):
            report("question '\(id)' is a number (\(question.kind.typeName)); compare it with a number, not \(written)", at: position)
        case let (_, .number(value)):
            if let range = question.kind.scaleRange, !isOrdering,
               !(Double(range.lowerBound)...Double(range.upperBound)).contains(value) || value != value.rounded() {
                report("question '\(id)' is \(range.lowerBound)–\(range.upperBound); \(written) is never an answer", at: position)
            }
        default:
            break
        }
    }

    private mutating func reportUnknownQuestion(_ id: String, in context: String, questions: QuestionIndex, at position: Position) {
        var message = "unknown question id '\(id)' in \(context)"
        if !isFull, questions.all.count <= Self.maximumSuggestionCandidates,
           let suggestion = Self.nearest(to: id, in: questions.all.map(\.id)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        report(message, at: position)
    }

    /// The file position of `offset` within a condition scalar: past the opening quote if quoted.
    ///
    /// Block scalars (`|`, `>`) report the node's own position.
    package func conditionPosition(_ node: Node, offset: Int) -> Position {
        var position = position(of: node)
        guard case let .scalar(scalar) = node else { return position }
        switch scalar.style {
        case .plain, .any: position.column += offset
        case .singleQuoted, .doubleQuoted: position.column += offset + 1
        case .literal, .folded: break
        }
        return position
    }
}

extension ScriptLoader {
    /// Scripts with more questions get no "did you mean" for an unknown id: an interview has a
    /// few dozen questions, and a hostile file tens of thousands, each needing the search.
    package static let maximumSuggestionCandidates = 500
}

/// A script's questions with their ids looked up in constant time, built once per script: a
/// big hostile script has tens of thousands of conditions, each naming several ids.
package struct QuestionIndex {
    package let all: [Question]
    package let ids: Set<String>
    /// Each id's index in `all` (the first, should an id repeat).
    package let position: [String: Int]

    package init(_ questions: [Question]) {
        all = questions
        ids = Set(questions.map(\.id))
        position = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
