import CallPulseSystem
import Foundation

/// Redraws a frame full-screen every few seconds until Ctrl-C, SIGTERM or SIGHUP (`callpulse stats --watch`).
///
/// Uses the terminal's alternate screen with the cursor hidden, and always gives the terminal back
/// as it was: on a normal end, on an error and on those signals (whose handlers only set a flag;
/// the loop restores the screen and then exits with 128 + the signal's number). The window's size
/// is read again for every frame, and a resize (SIGWINCH) redraws at once.
public enum FullScreen {
    /// The signal that asked the loop to stop, 0 while none has.
    // nonisolated(unsafe): written only by the signal handlers below (one aligned word, as
    // sig_atomic_t) and read by the one thread running the loop.
    nonisolated(unsafe) private static var stopSignal: sig_atomic_t = 0
    // nonisolated(unsafe): set by the SIGWINCH handler, cleared by the loop's thread; a lost update
    // only delays a redraw until the next period.
    nonisolated(unsafe) private static var resized: sig_atomic_t = 0

    /// The window's size in columns and rows; 80 × 24 when it cannot be read.
    public static func windowSize() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Runs the loop: `frame(columns, rows)` returns the text to show for a window of that size
    /// (lines past `rows` are not drawn, so a frame should fit itself).
    /// Returns normally only if `frame` throws (after restoring the terminal, the error is rethrown);
    /// a signal ends the process with status 128 + signal.
    public static func run(every period: TimeInterval, frame: (Int, Int) throws -> String) throws -> Never {
        installHandlers()
        write("\u{1B}[?1049h\u{1B}[?25l")
        defer { write("\u{1B}[?25h\u{1B}[?1049l") }
        var next = Date()
        while stopSignal == 0 {
            if Date() >= next || resized != 0 {
                resized = 0
                let (columns, rows) = windowSize()
                let lines = try frame(columns, rows).split(separator: "\n", omittingEmptySubsequences: false).prefix(rows)
                write("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\n"))
                next = Date().addingTimeInterval(period)
            }
            usleep(50_000)
        }
        write("\u{1B}[?25h\u{1B}[?1049l")
        exit(128 + stopSignal)
    }

    private static func installHandlers() {
        Signals.install({ FullScreen.stopSignal = $0 }, for: SIGINT, SIGTERM, SIGHUP)
        Signals.install({ _ in FullScreen.resized = 1 }, for: SIGWINCH)
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
