import CallPulseDomain
import Foundation

/// An exclusive lock on one softphone address for this machine's consoles, held until the
/// process ends (the kernel drops it when a console is killed).
final class SoftphoneLock {
    private let descriptor: Int32

    init(address: PhoneAddress) throws {
        let safe = address.description.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        let path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("callpulse-softphone-\(String(safe)).lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw TelephonyError.unreachable(address.description, reason: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw TelephonyError.inUse(address.description)
        }
    }

    deinit { close(descriptor) }
}
