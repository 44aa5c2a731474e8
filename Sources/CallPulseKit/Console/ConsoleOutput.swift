import Foundation

/// Where the console writes: standard output (unbuffered, so each line shows at once), or a
/// transcript in tests.
public final class ConsoleOutput: @unchecked Sendable {
    // @unchecked: `text` is only touched under `lock`.
    private let lock = NSLock()
    private let toStandardOutput: Bool
    private var text = ""

    /// Output to the terminal.
    public static func standard() -> ConsoleOutput { ConsoleOutput(toStandardOutput: true) }
    /// Output kept in memory; read it with `transcript`.
    public static func recording() -> ConsoleOutput { ConsoleOutput(toStandardOutput: false) }

    private init(toStandardOutput: Bool) { self.toStandardOutput = toStandardOutput }

    /// Writes text as is (the caller adds line breaks).
    public func write(_ string: String) {
        if toStandardOutput {
            FileHandle.standardOutput.write(Data(string.utf8))
        } else {
            lock.withLock { text += string }
        }
    }

    /// Writes one line (or several, separated by line breaks); on a terminal, each line longer
    /// than the window's width (read each time, so a resized window is followed) is wrapped at
    /// spaces on its own, keeping its indentation: lines are never joined.
    ///
    /// Control characters are replaced here as well as where each text is made: everything the
    /// console shows is plain text, and much of it (names, fields, script texts, answers) came
    /// from a file or another agent.
    public func line(_ string: String = "") {
        let string = Terminal.sanitize(string, singleLine: false)
        guard toStandardOutput, let width = Terminal.columns, string.count > width else {
            write(string + "\n")
            return
        }
        write(Self.layout(string, width: width).joined(separator: "\n") + "\n")
    }

    /// The lines of `text` wrapped to `width`, each of its lines on its own.
    static func layout(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width) }
    }

    /// Splits a line at spaces into lines of at most `width` characters (a longer word stands alone).
    static func wrap(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = ""
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? indent + word : current + " " + word
            if candidate.count > width, !current.isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines
    }

    /// Everything written so far (recording outputs only).
    public var transcript: String { lock.withLock { text } }
}
