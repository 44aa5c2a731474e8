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

    /// Writes one line.
    public func line(_ string: String = "") { write(string + "\n") }

    /// Everything written so far (recording outputs only).
    public var transcript: String { lock.withLock { text } }
}
