import Foundation

/// A syntax error in a condition, with the offset of the offending token.
public struct ConditionSyntaxError: Error, Equatable, LocalizedError {
    /// 0-based offset of the bad token in the condition, in Unicode scalars.
    public var offset: Int
    /// What is wrong, naming the bad token.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var errorDescription: String? { "column \(offset + 1) of the condition: \(message)" }
}
