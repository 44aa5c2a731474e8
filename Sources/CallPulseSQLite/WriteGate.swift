import CallPulseDomain
import CallPulseStore
import CallPulseSystem
import Foundation

/// A cross-process queue for writers: an exclusive `flock` on a file beside the database, taken
/// before every write transaction.
///
/// SQLite lets a waiting writer only poll (sleep, try again), so with many consoles committing at
/// once the waiters burn CPU and the unlucky ones wait far longer than the rest. A blocking `flock`
/// waits in the kernel and is handed over as soon as the holder is done; the lock dies with its
/// process, so a killed console never leaves it held. SQLite's own locking still guards the data:
/// this only orders CallPulse's writers. A wait longer than the timeout gives up (the caller says
/// the database is busy and tries again).
///
/// A second gate, `<db>-import.lock`, lets one import run at a time (`CallListImporter`).
final class WriteGate: @unchecked Sendable {
    // @unchecked: `descriptor` is immutable after init; the in-process lock serializes use of the
    // flock (flock is per open file description, so threads of one process must take turns here).
    private let descriptor: Int32
    private let processLock = NSLock()

    /// Opens (creating, mode 0600) the writers' lock file for the database at `databasePath`.
    convenience init?(databasePath: String) { self.init(lockPath: databasePath + "-writer.lock") }

    /// The gate that lets one import at a time work on the database at `databasePath`.
    static func imports(databasePath: String) -> WriteGate? { WriteGate(lockPath: databasePath + "-import.lock") }

    /// Opens (creating, mode 0600) the lock file at `lockPath`.
    init?(lockPath: String) {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        descriptor = fd
        Self.installWakeSignal
    }

    deinit { close(descriptor) }

    /// Runs `body` holding the gate; throws `StoreError.busy` after waiting `timeout` seconds.
    /// `waiting` is called once when another process holds the gate, before the wait.
    func withLock<T>(timeout: TimeInterval, path: String, waiting: (() -> Void)? = nil, _ body: () throws -> T) throws -> T {
        processLock.lock()
        defer { processLock.unlock() }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting?()
            guard try waitForLock(timeout: timeout) else { throw StoreError.busy(path: path) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Blocks in `flock` until the gate is free; a timer interrupts the wait with a signal at the deadline.
    private func waitForLock(timeout: TimeInterval) throws -> Bool {
        let state = WaitState()
        let thread = pthread_self()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + timeout)
        timer.setEventHandler {
            state.lock.withLock {
                guard state.waiting else { return }
                state.timedOut = true
                pthread_kill(thread, SIGUSR2)
            }
        }
        timer.resume()
        defer { timer.cancel() }
        var result: Int32
        repeat {
            result = flock(descriptor, LOCK_EX)
        } while result != 0 && errno == EINTR && !state.lock.withLock({ state.timedOut })
        state.lock.withLock { state.waiting = false }
        return result == 0
    }

    private final class WaitState: @unchecked Sendable {
        // @unchecked: both fields are only touched under `lock`.
        let lock = NSLock()
        var waiting = true
        var timedOut = false
    }

    /// A do-nothing SIGUSR2 handler without SA_RESTART, so the signal makes a blocked `flock` return EINTR.
    private static let installWakeSignal: Void = {
        Signals.install({ _ in }, for: SIGUSR2)
    }()
}
