import Foundation

/// The problems that stop a script from loading; every problem found, not just the first.
public struct ScriptError: Error, LocalizedError {
    /// The problems in file order.
    public let problems: [ScriptProblem]

    public init(problems: [ScriptProblem]) {
        self.problems = problems
    }

    /// Every problem on its own line as `FILE:LINE:COLUMN: message`.
    public var errorDescription: String? {
        problems.map(\.description).joined(separator: "\n")
    }
}
