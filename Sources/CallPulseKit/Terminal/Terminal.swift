import CallPulseDomain
import Foundation

/// The small terminal layer all output goes through: knows whether a stream is a terminal,
/// honours `NO_COLOR`, and strips control characters from text that came from a data file.
public enum Terminal {
    /// Whether standard output is a terminal.
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard input is a terminal.
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// The terminal window's width in columns; nil when standard output is not a terminal.
    public static var columns: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
    public static var useColor: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Text safe to print (see `PrintableText.sanitize`).
    public static func sanitize(_ text: String, singleLine: Bool = true) -> String {
        PrintableText.sanitize(text, singleLine: singleLine)
    }

    /// Wraps text in an ANSI style when colour is on.
    public static func style(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Writes a line to standard error.
    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
