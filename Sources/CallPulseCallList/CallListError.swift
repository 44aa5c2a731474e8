import CallPulseDomain
import Foundation

/// A problem with a call-list file, naming the file and, where known, the line.
///
/// `errorDescription` reads "CallLists/acme.csv line 214: message", or
/// "CallLists/acme.csv: message" when the problem has no line.
public struct CallListError: Error, LocalizedError, Equatable, Sendable {
    /// The file as the user named it.
    public var file: String
    /// The 1-based physical line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, naming the bad value.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// The message, safe to print: a message may quote the file's own text.
    public var errorDescription: String? {
        PrintableText.sanitize(line.map { "\(file) line \($0): \(message)" } ?? "\(file): \(message)")
    }
}
