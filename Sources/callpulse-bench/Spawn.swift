import Foundation

/// Runs a program and measures it: wall time and peak memory (its maximum resident set size).
///
/// The peak comes from GNU `/usr/bin/time` when it is installed: `wait4`'s `ru_maxrss` of a child
/// started with `posix_spawn` is at least the bench's own peak (Linux carries the high-water mark
/// of the address space the child shared with the bench until `exec` into the child's figure), so
/// after the bench read a large output every child seemed as large. Without it, `ru_maxrss`.
enum Spawn {
    struct Result {
        var seconds: Double
        var peakMiB: Double
        var status: Int32
        var output: String
    }

    /// Runs `executable` with `arguments`; standard output is captured (to a temporary file, so
    /// the child never blocks on a pipe), standard error goes to the bench's own.
    /// `stdin` names a file to read standard input from (default: nothing).
    /// `keepOutput: false` leaves standard output unread (a large export), `output` empty.
    /// `peakMemory: true` runs it under GNU time for a true peak (a millisecond or two more wall
    /// time, so only for the rows that report memory; the others' peaks are not to be read).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    stdin: String = "/dev/null", keepOutput: Bool = true, peakMemory: Bool = false) throws -> Result {
        let outputPath = NSTemporaryDirectory() + "callpulse-bench-\(UUID().uuidString).out"
        let peakPath = outputPath + ".peak"
        defer { unlink(outputPath); unlink(peakPath) }
        let timed = peakMemory && FileManager.default.isExecutableFile(atPath: gnuTime)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        let command = timed ? [gnuTime, "-f", "%M", "-o", peakPath, executable] + arguments : [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let output = keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // time's last line is the peak in KiB (a line before it says when the program was killed).
        let measuredKiB = timed ? (try? String(contentsOfFile: peakPath, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } : nil
        return Result(seconds: seconds, peakMiB: (measuredKiB ?? Double(usage.ru_maxrss)) / 1024, status: exitCode,
                      output: output)
    }
}

/// GNU time, which reports a program's own peak memory (`Spawn.run`).
private let gnuTime = "/usr/bin/time"

/// A bench step failed; the message says which and why.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Percentiles and medians of timing samples.
enum Stats {
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    static func median(_ samples: [Double]) -> Double { percentile(samples, 50) }
}

/// Monotonic seconds.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

extension Spawn {
    /// Starts a program in the background (output to /dev/null); collect it with `wait`.
    static func start(_ executable: String, _ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Waits for a started program; returns its exit status.
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
