/// A respondent's answer to one question.
///
/// yesno → `.bool`; choice → `.choices` (one code for a single choice); nps, ces, csat,
/// scale and number → `.number`; text → `.text`. Encodes as a bare JSON value
/// (`true`, `7`, `"text"`, `["a","b"]`).
public enum AnswerValue: Sendable, Hashable, Codable {
    case number(Double)
    case text(String)
    case choices([String])
    case bool(Bool)

    /// Whether this counts as an answer: empty text and an empty choice list do not.
    public var isAnswered: Bool {
        switch self {
        case let .text(text): !text.allSatisfy(\.isWhitespace)
        case let .choices(codes): !codes.isEmpty
        case .number, .bool: true
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            self = .choices(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .number(value): try container.encode(value)
        case let .text(value): try container.encode(value)
        case let .choices(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        }
    }
}
