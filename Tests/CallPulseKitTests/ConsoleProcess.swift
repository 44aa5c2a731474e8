import Foundation

/// A `callpulse` process driven line by line through pipes, for tests that must act between
/// answers (kill it mid-interview) or run many consoles at once.
final class ConsoleProcess: @unchecked Sendable {
    // @unchecked: `buffer` and `drained` are only touched under `lock`; the reader is a thread of its own.
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = ""
    /// Whether the output pipe reached end of file (every byte the process wrote is in `buffer`).
    private var drained = false

    init(_ arguments: [String], executable: String = CallPulseBinary.path) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // A thread blocked in read rather than a readability handler: libdispatch's event loop
        // crashed the test process (SIGSEGV in _dispatch_event_loop_drain) while many consoles'
        // pipes came and went.
        let reader = Thread { [self] in
            let handle = output.fileHandleForReading
            while true {
                let data = handle.availableData
                lock.withLock {
                    if data.isEmpty { drained = true } else { buffer += String(decoding: data, as: UTF8.self) }
                }
                if data.isEmpty { return }
            }
        }
        reader.start()
    }

    /// `callpulse COMMAND` in a pseudo-terminal of its own (util-linux `script`), as a person sees it.
    static func inTerminal(_ command: String, columns: Int = 100) throws -> ConsoleProcess {
        try ConsoleProcess(["-qfec", "stty cols \(columns) rows 40; '\(CallPulseBinary.path)' \(command)", "/dev/null"],
                           executable: "/usr/bin/script")
    }

    var transcript: String { lock.withLock { buffer } }

    func send(_ line: String) { input.fileHandleForWriting.writeToChild(Data((line + "\n").utf8)) }

    /// Sends bytes as typed, without a line end (e.g. Ctrl-D, `"\u{4}"`).
    func sendRaw(_ text: String) { input.fileHandleForWriting.writeToChild(Data(text.utf8)) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until the transcript contains `text` `count` times; false on timeout, or when the
    /// process has ended and its last output (read on another queue, so it may come a moment
    /// after the exit) has not brought it within a second.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var ended: Date?
        while Date() < deadline {
            if transcript.components(separatedBy: text).count - 1 >= count { return true }
            if !process.isRunning {
                ended = ended ?? Date()
                if let ended, Date().timeIntervalSince(ended) > 1 { return false }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        wait()
    }

    /// Asks the process to end (SIGTERM) and waits for it.
    func terminate() {
        process.terminate()
        wait()
    }

    /// Waits for the process to end and for its last output to be read (up to 2 s more).
    func wait() {
        process.waitUntilExit()
        let deadline = Date().addingTimeInterval(2)
        while !lock.withLock({ drained }), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
