import CallPulseDomain
import Foundation

/// Watches the terminal for one key while a call rings, so any key hangs up (Ctrl-C too: it is
/// read as a key then, so the console never dies with a call up). On a terminal it turns off line
/// buffering, echo and signal keys for that time and restores them after; with piped input it
/// never reports a key (the pipe's lines are the agent's next answers, not a hang-up).
final class KeyWatch {
    private var saved = termios()
    private let active: Bool

    init(enabled: Bool) {
        active = enabled && isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        guard active else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }

    /// Whether a key was pressed (and takes it off the input).
    func pressed() -> Bool {
        guard active else { return false }
        var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        var byte: UInt8 = 0
        _ = read(STDIN_FILENO, &byte, 1)
        return true
    }

    /// Gives the terminal its modes back.
    func restore() {
        guard active else { return }
        tcflush(STDIN_FILENO, TCIFLUSH)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
