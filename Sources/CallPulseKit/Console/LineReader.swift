
/// What one prompt gave back.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D, or the end of piped input.
    case endOfInput
}

/// The seam between the console and the keyboard: GNU readline on a terminal, plain lines from a
/// pipe, or a scripted list in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// What Tab completes to at the next prompt (commands, choice codes).
    var completions: [String] { get set }
    /// Remembers a console command in the history (never an answer: those are personal data).
    func addToHistory(_ line: String)
    /// Called while waiting for the agent (every 20 s, or a third of a shorter lease), e.g. to renew a lease.
    var idle: (() -> Void)? { get set }
}

/// Reads plain lines from standard input: for piped, scripted sessions and tests. The prompt is
/// written to standard output so a transcript reads like the screen.
public final class PlainLineReader: LineReader {
    public var completions: [String] = []
    public var idle: (() -> Void)?
    private let echo: Bool
    private let output: ConsoleOutput

    /// - Parameter echo: also write each line read after its prompt, so a transcript shows the input.
    public init(output: ConsoleOutput, echo: Bool = true) {
        self.output = output
        self.echo = echo
    }

    public func readLine(prompt: String) -> LineInput {
        output.write(prompt)
        guard let line = Swift.readLine(strippingNewline: true) else {
            output.write("\n")
            return .endOfInput
        }
        output.write((echo ? Terminal.sanitize(line) : "") + "\n")
        return .line(line)
    }

    public func addToHistory(_ line: String) {}
}

/// A reader that plays back a fixed list of inputs, for tests of the console loop.
public final class ScriptedLineReader: LineReader {
    public var completions: [String] = []
    public var idle: (() -> Void)?
    private var inputs: [LineInput]
    /// Every prompt shown, in order.
    public private(set) var prompts: [String] = []

    private let output: ConsoleOutput

    public init(_ inputs: [LineInput], output: ConsoleOutput) {
        self.inputs = inputs
        self.output = output
    }

    public convenience init(lines: [String], output: ConsoleOutput) { self.init(lines.map { .line($0) }, output: output) }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        output.write(prompt)
        guard !inputs.isEmpty else { return .endOfInput }
        let input = inputs.removeFirst()
        if case let .line(text) = input { output.write(Terminal.sanitize(text) + "\n") }
        return input
    }

    public func addToHistory(_ line: String) {}
}
