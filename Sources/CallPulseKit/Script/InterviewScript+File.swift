import CallPulseDomain
import Foundation

extension InterviewScript {
    /// Reads and parses a script file; an unreadable file throws `ScriptError` at line 1.
    ///
    /// At most 1 MB is read; the file must be UTF-8 (with or without a byte-order mark) or
    /// UTF-16 with a byte-order mark.
    public static func load(contentsOf url: URL) throws -> InterviewScript {
        let file = url.path
        let yaml: String
        do {
            yaml = try ScriptFile.contents(of: file)
        } catch let error as ScriptFile.ReadError {
            throw ScriptError(problems: [ScriptProblem(file: file, line: 1, column: 1, message: "cannot read: \(error.reason)")])
        }
        return try parse(yaml: yaml, file: file)
    }
}
