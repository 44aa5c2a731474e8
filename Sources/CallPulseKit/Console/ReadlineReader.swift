import CReadline
import CallPulseSystem
import Foundation

/// The console's keyboard on a real terminal: GNU readline with line editing, a history file for
/// console commands, and Tab completion of commands and choices.
///
/// It uses readline's callback interface so a Ctrl-C returns to the console as `.interrupt` (instead
/// of killing the process), SIGTERM and SIGHUP end the session cleanly, and the wait for a key can
/// wake up every `idleMilliseconds` (20 s unless a short lease asks for less) to renew the agent's lease. The terminal is restored after every line.
public final class ReadlineReader: LineReader {
    public var completions: [String] {
        get { ReadlineState.candidates }
        set { ReadlineState.candidates = newValue }
    }
    public var idle: (() -> Void)?
    /// How long the wait for a key lasts before `idle` is called: at most 20 s, and a third of the
    /// lease when that is shorter, so a short `--lease` never lapses while the agent is at the console.
    public var idleMilliseconds: Int32 = 20_000
    private let historyPath: String?

    /// - Parameter historyPath: where console commands are remembered between sessions.
    public init(historyPath: String?) {
        self.historyPath = historyPath
        cp_rl_set_readline_name("callpulse")
        cp_rl_set_catch_signals(0)
        cp_rl_set_word_break_characters(ReadlineState.wordBreaks)
        cp_rl_set_completion(ReadlineState.complete)
        using_history()
        if let historyPath { read_history(historyPath) }
        ReadlineState.installSignalHandlers()
    }

    public func readLine(prompt: String) -> LineInput {
        ReadlineState.interrupted = 0
        ReadlineState.lineReady = false
        // A Ctrl-D at an earlier prompt would otherwise add a blank line after every later line.
        cp_rl_clear_eof_found()
        rl_callback_handler_install(prompt, ReadlineState.lineHandler)
        ReadlineState.installed = true
        defer {
            if ReadlineState.installed { rl_callback_handler_remove() }
            ReadlineState.installed = false
        }
        while true {
            if ReadlineState.terminated != 0 {
                rl_callback_sigcleanup()
                return .endOfInput
            }
            if ReadlineState.interrupted != 0 {
                ReadlineState.interrupted = 0
                rl_callback_sigcleanup()
                rl_free_line_state()
                rl_crlf()
                return .interrupt
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, idleMilliseconds)
            if ready == 0 {
                idle?()
                continue
            }
            if ready < 0 { continue }
            rl_callback_read_char()
            if ReadlineState.lineReady {
                guard let raw = ReadlineState.line else { return .endOfInput }
                defer { free(raw) }
                return .line(String(cString: raw))
            }
        }
    }

    public func addToHistory(_ line: String) {
        guard !line.isEmpty else { return }
        add_history(line)
        if let historyPath {
            if !FileManager.default.fileExists(atPath: historyPath) {
                FileManager.default.createFile(atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            append_history(1, historyPath)
            history_truncate_file(historyPath, 1000)
        }
    }

    /// Whether a SIGTERM or SIGHUP asked the session to end.
    public static var terminationRequested: Bool { ReadlineState.terminated != 0 }
}

/// Readline's C callbacks cannot capture context, so their state lives here.
enum ReadlineState {
    // These globals are touched only on the console's one thread, and by signal handlers that
    // only store a flag; readline itself is single-threaded.
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var matchIndex = 0
    nonisolated(unsafe) static var line: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var lineReady = false
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) static var terminated: sig_atomic_t = 0
    // Allocated once and never freed or written: readline only reads it.
    nonisolated(unsafe) static let wordBreaks: UnsafePointer<CChar> = UnsafePointer(strdup(" \t\n")!)

    nonisolated(unsafe) static var installed = false

    /// Takes the finished line and removes itself at once: left installed, readline would show the
    /// prompt again for a next line the console has not asked for yet.
    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { text in
        ReadlineState.line = text
        ReadlineState.lineReady = true
        rl_callback_handler_remove()
        ReadlineState.installed = false
    }

    static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
        if state == 0 { ReadlineState.matchIndex = 0 }
        let prefix = text.map { String(cString: $0) } ?? ""
        while ReadlineState.matchIndex < ReadlineState.candidates.count {
            let candidate = ReadlineState.candidates[ReadlineState.matchIndex]
            ReadlineState.matchIndex += 1
            if candidate.hasPrefix(prefix) { return strdup(candidate) }
        }
        return nil
    }

    static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
            cp_rl_set_completion_over(1)
            return rl_completion_matches(text, ReadlineState.generator)
        }

    static func installSignalHandlers() {
        Signals.install({ _ in ReadlineState.interrupted = 1 }, for: SIGINT)
        Signals.install({ _ in ReadlineState.terminated = 1 }, for: SIGTERM, SIGHUP)
    }
}
