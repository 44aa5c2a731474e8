/// A parsed condition with the positions the script loader needs to check it.
package struct ParsedCondition {
    /// A question id read by the condition, at its offset.
    package struct Reference {
        package var id: String
        package var offset: Int
    }

    /// A question compared with a literal (`q = 3`, `q in [a, b]`), for type checks.
    package struct LiteralComparison {
        package var questionID: String
        package var op: ComparisonOperator
        package var literal: ConditionOperand
        package var literalOffset: Int
        package var literalText: String
    }

    package var condition: Condition
    package var references: [Reference]
    package var literalComparisons: [LiteralComparison]
}

/// Recursive-descent parser for the condition language (see `Condition`).
package struct ConditionParser {
    private var tokens: [ConditionToken] = []
    private var position = 0
    private let source: String
    private let questionIDs: Set<String>
    private var references: [ParsedCondition.Reference] = []
    private var literalComparisons: [ParsedCondition.LiteralComparison] = []
    /// Open parentheses and `not`s around the current token.
    private var nesting = 0
    /// `and`s and `or`s read so far.
    private var connectives = 0

    /// The deepest nesting of parentheses and `not` accepted: parsing, evaluating and freeing a
    /// condition recurse once per level, so a hostile script could otherwise overflow the stack.
    package static let maximumNesting = 32
    /// The most `and`s and `or`s in one condition: each one is a level of the condition's tree.
    package static let maximumConnectives = 256

    /// Words that cannot be question ids.
    package static let reservedWords: Set<String> = ["and", "or", "not", "in", "answered", "yes", "no", "true", "false"]

    package init(source: String, questionIDs: Set<String>) {
        self.source = source
        self.questionIDs = questionIDs
    }

    /// Parses the whole source.
    package mutating func parse() throws(ConditionSyntaxError) -> ParsedCondition {
        tokens = try ConditionLexer.tokenize(source)
        if tokens.first?.kind == .end {
            throw ConditionSyntaxError(offset: 0, message: "the condition is empty")
        }
        let condition = try parseOr()
        guard current.kind == .end else {
            throw ConditionSyntaxError(offset: current.offset, message: "unexpected '\(current.text)' after a complete condition")
        }
        return ParsedCondition(condition: condition, references: references, literalComparisons: literalComparisons)
    }

    private var current: ConditionToken { tokens[position] }

    private mutating func advance() -> ConditionToken {
        defer { position = min(position + 1, tokens.count - 1) }
        return current
    }

    private func isKeyword(_ word: String) -> Bool {
        current.kind == .identifier(word)
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
        var condition = try parseAnd()
        while isKeyword("or") {
            try countConnective()
            _ = advance()
            condition = .or(condition, try parseAnd())
        }
        return condition
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
        var condition = try parseUnary()
        while isKeyword("and") {
            try countConnective()
            _ = advance()
            condition = .and(condition, try parseUnary())
        }
        return condition
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> Condition {
        if isKeyword("not") {
            try enterNesting()
            defer { nesting -= 1 }
            _ = advance()
            return .not(try parseUnary())
        }
        if current.kind == .leftParen {
            try enterNesting()
            defer { nesting -= 1 }
            let open = advance()
            let inner = try parseOr()
            guard current.kind == .rightParen else {
                throw ConditionSyntaxError(
                    offset: current.offset,
                    message: "expected ')' to close the '(' at column \(open.offset + 1), found '\(current.text)'")
            }
            _ = advance()
            return inner
        }
        if isKeyword("answered") {
            return try parseAnswered()
        }
        return try parseComparison()
    }

    private mutating func enterNesting() throws(ConditionSyntaxError) {
        nesting += 1
        try refuse(nesting > Self.maximumNesting,
                   "parentheses and 'not' nest deeper than \(Self.maximumNesting) levels; simplify the condition")
    }

    private mutating func countConnective() throws(ConditionSyntaxError) {
        connectives += 1
        try refuse(connectives > Self.maximumConnectives,
                   "more than \(Self.maximumConnectives) 'and'/'or' in one condition; use 'in [...]' or split it")
    }

    /// Throws `message` at the current token when `condition` holds.
    private func refuse(_ condition: Bool, _ message: String) throws(ConditionSyntaxError) {
        if condition { throw ConditionSyntaxError(offset: current.offset, message: message) }
    }

    private mutating func parseAnswered() throws(ConditionSyntaxError) -> Condition {
        _ = advance()
        try expect(.leftParen, "'(' after 'answered'")
        let token = advance()
        guard case let .identifier(id) = token.kind, !Self.reservedWords.contains(id) else {
            throw ConditionSyntaxError(offset: token.offset, message: "expected a question id in answered(…), found '\(token.text)'")
        }
        references.append(.init(id: id, offset: token.offset))
        try expect(.rightParen, "')' after answered(\(id)")
        return .answered(id)
    }

    private mutating func parseComparison() throws(ConditionSyntaxError) -> Condition {
        let leftToken = current
        let lhs = try parseOperand(isLeftSide: true)
        if isKeyword("in") {
            _ = advance()
            // The list is written in brackets or parentheses: `q in [a, b]`, `segment in (A, B)`.
            let close: ConditionToken.Kind = current.kind == .leftParen ? .rightParen : .rightBracket
            try expect(close == .rightParen ? .leftParen : .leftBracket, "'[' or '(' after 'in'")
            var list: [ConditionOperand] = []
            repeat {
                if !list.isEmpty { _ = advance() }
                let token = current
                let element = try parseOperand(isLeftSide: false)
                list.append(element)
                recordLiteral(lhs, .equal, element, token)
            } while current.kind == .comma
            try expect(close, "',' or '\(close == .rightParen ? ")" : "]")' in the 'in' list")
            return .membership(lhs, list)
        }
        guard case let .comparison(op) = current.kind else {
            throw ConditionSyntaxError(
                offset: current.offset,
                message: "expected a comparison (= != < <= > >=) or 'in' after '\(leftToken.text)', found '\(current.text)'")
        }
        _ = advance()
        let rightToken = current
        let rhs = try parseOperand(isLeftSide: false)
        recordLiteral(lhs, op, rhs, rightToken)
        if case .question = rhs, case .question = lhs {} else if case .question = rhs {
            recordLiteral(rhs, op, lhs, leftToken)
        }
        return .comparison(lhs, op, rhs)
    }

    /// Notes `question op literal` for the loader's type checks.
    private mutating func recordLiteral(
        _ question: ConditionOperand, _ op: ComparisonOperator, _ literal: ConditionOperand, _ token: ConditionToken
    ) {
        guard case let .question(id) = question, literal.questionID == nil else { return }
        literalComparisons.append(.init(questionID: id, op: op, literal: literal, literalOffset: token.offset, literalText: token.text))
    }

    private mutating func parseOperand(isLeftSide: Bool) throws(ConditionSyntaxError) -> ConditionOperand {
        let token = advance()
        switch token.kind {
        case let .number(value):
            return .number(value)
        case let .string(value):
            return .string(value)
        case let .identifier(word) where word == "yes" || word == "true":
            return .bool(true)
        case let .identifier(word) where word == "no" || word == "false":
            return .bool(false)
        case let .identifier(word) where !Self.reservedWords.contains(word):
            if isLeftSide || questionIDs.contains(word) {
                references.append(.init(id: word, offset: token.offset))
                return .question(word)
            }
            return .string(word)
        default:
            throw ConditionSyntaxError(
                offset: token.offset,
                message: "expected a question id, number or quoted string, found '\(token.text)'")
        }
    }

    private mutating func expect(_ kind: ConditionToken.Kind, _ what: String) throws(ConditionSyntaxError) {
        guard current.kind == kind else {
            throw ConditionSyntaxError(offset: current.offset, message: "expected \(what), found '\(current.text)'")
        }
        _ = advance()
    }
}
