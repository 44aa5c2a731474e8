/// One stored answer as the export reads it.
public struct ExportedAnswer: Sendable, Equatable {
    /// An answer's value as the export writes it: a number (1/0 for yes/no), the text, or a
    /// choice list's codes joined by spaces.
    public enum Value: Sendable, Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    public var questionID: String
    /// Nil for a special answer.
    public var value: Value?
    /// `skipped`, `dontKnow`, `refused`, or nil.
    public var special: String?

    public init(questionID: String, value: Value?, special: String?) {
        self.questionID = questionID
        self.value = value
        self.special = special
    }
}
