import Foundation

/// One problem found in a script file, with where it is.
public struct ScriptProblem: Sendable, Equatable, CustomStringConvertible {
    /// The script file as named to the loader.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars like Yams' `Mark`.
    public var column: Int
    /// What is wrong, naming the bad value.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, the format compilers use, so editors can jump to it; safe to
    /// print (a message quotes text from the file, which may hold control characters).
    public var description: String { PrintableText.sanitize("\(file):\(line):\(column): \(message)") }
}
