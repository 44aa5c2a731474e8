/// A token of the condition language with its offset.
package struct ConditionToken: Equatable {
    package enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case comparison(ComparisonOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    package var kind: Kind
    /// 0-based offset in Unicode scalars.
    package var offset: Int
    /// The token as written, for messages.
    package var text: String
}

/// Splits a condition into tokens.
package enum ConditionLexer {
    /// The tokens of `source`, ending with `.end`.
    package static func tokenize(_ source: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [ConditionToken] = []
        var index = 0
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            if isIdentifierStart(scalar) {
                while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
                tokens.append(.init(kind: .identifier(text(start..<index)), offset: start, text: text(start..<index)))
            } else if isDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                index += 1
                while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
                let written = text(start..<index)
                guard let value = Double(written) else {
                    throw ConditionSyntaxError(offset: start, message: "'\(written)' is not a number")
                }
                tokens.append(.init(kind: .number(value), offset: start, text: written))
            } else if scalar == "'" || scalar == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != scalar { index += 1 }
                guard index < scalars.count else {
                    throw ConditionSyntaxError(offset: start, message: "unterminated string starting \(text(start..<scalars.count))")
                }
                index += 1
                tokens.append(.init(kind: .string(text(start + 1..<index - 1)), offset: start, text: text(start..<index)))
            } else if let (op, length) = comparison(at: index, in: scalars) {
                index += length
                tokens.append(.init(kind: .comparison(op), offset: start, text: text(start..<index)))
            } else if let kind = punctuation[scalar] {
                index += 1
                tokens.append(.init(kind: kind, offset: start, text: String(scalar)))
            } else {
                throw ConditionSyntaxError(offset: start, message: "unexpected character '\(scalar)'")
            }
        }
        tokens.append(.init(kind: .end, offset: scalars.count, text: "end of condition"))
        return tokens
    }

    private static let punctuation: [Unicode.Scalar: ConditionToken.Kind] = [
        "(": .leftParen, ")": .rightParen, "[": .leftBracket, "]": .rightBracket, ",": .comma,
    ]

    /// The comparison operator at `index` and its length; `==` is read as `=`.
    private static func comparison(at index: Int, in scalars: [Unicode.Scalar]) -> (ComparisonOperator, Int)? {
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        switch (scalars[index], next) {
        case ("=", "="): return (.equal, 2)
        case ("=", _): return (.equal, 1)
        case ("!", "="): return (.notEqual, 2)
        case ("<", "="): return (.lessOrEqual, 2)
        case ("<", _): return (.less, 1)
        case (">", "="): return (.greaterOrEqual, 2)
        case (">", _): return (.greater, 1)
        default: return nil
        }
    }

    package static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    package static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }

    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
