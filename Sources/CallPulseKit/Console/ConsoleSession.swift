import Foundation

/// Names one running console, `host:pid:start` (the process's start time in clock ticks since boot,
/// so a process id reused later names another session), and tells whether a named one is gone.
///
/// A contact's lease records the session holding it. When the same agent starts a console again,
/// a contact whose session is gone (killed, its SSH session dropped) comes back at once; a session
/// still running (a second console of the same agent name) keeps its contact. A session on another
/// host cannot be checked: its contact comes back when its lease runs out.
public enum ConsoleSession {
    public static let current: String = "\(hostName):\(getpid()):\(startTime(of: getpid()) ?? "?")"

    /// Whether the console `session` names is no longer running on this host; false when unknown
    /// (no session recorded, another host, a process that cannot be inspected).
    public static func isGone(_ session: String?) -> Bool {
        guard let session else { return false }
        let parts = session.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0,
              parts.dropLast(2).joined(separator: ":") == hostName
        else { return false }
        if kill(pid, 0) == -1 { return errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        let fields = stat.split(separator: ")").last.map { $0.split(separator: " ") } ?? []
        if fields.first == "Z" { return true } // killed, not yet reaped by its parent
        let start = parts[parts.count - 1]
        return start != "?" && fields.count > 19 && String(fields[19]) != start
    }

    private static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// Field 22 of `/proc/PID/stat` (start time), counted after the command name's closing parenthesis.
    private static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 19
        else { return nil }
        return String(fields[19])
    }
}
