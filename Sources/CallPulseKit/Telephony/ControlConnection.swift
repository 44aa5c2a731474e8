import CallPulseDomain
import Foundation

/// A TCP connection to a softphone's control port, with timed reads and no SIGPIPE.
final class ControlConnection {
    private let address: PhoneAddress
    private var descriptor: Int32

    init(address: PhoneAddress) throws {
        self.address = address
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host, String(address.port), &hints, &list)
        guard status == 0, let first = list else {
            throw TelephonyError.unreachable(address.description, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var lastError = ECONNREFUSED
        var info: UnsafeMutablePointer<addrinfo>? = first
        while let entry = info {
            let fd = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            if fd >= 0 {
                lastError = Self.connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen, timeout: 3)
                if lastError == 0 {
                    descriptor = fd
                    return
                }
                close(fd)
            }
            info = entry.pointee.ai_next
        }
        throw TelephonyError.unreachable(address.description, reason: String(cString: strerror(lastError)))
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Connects within `timeout` seconds (a host that never answers must not hold the console for
    /// the system's two-minute TCP timeout); returns 0 or the errno.
    private static func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t,
                                timeout: Int32) -> Int32 {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        if Glibc.connect(fd, address, length) == 0 { return 0 }
        guard errno == EINPROGRESS else { return errno }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, timeout * 1000) > 0 else { return ETIMEDOUT }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 else { return errno }
        return error
    }

    func send(_ data: Data) throws {
        try checkOpen()
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { throw markClosed() }
                offset += sent
            }
        }
    }

    /// Bytes that arrive within `timeout` seconds; nil when none did.
    func receive(timeout: TimeInterval) throws -> Data? {
        try checkOpen()
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(max(0, min(timeout, 3600)) * 1000))
        if ready < 0, errno == EINTR { return nil }
        guard ready > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count < 0, errno == EINTR { return nil }
        guard count > 0 else { throw markClosed() }
        return Data(buffer[..<count])
    }

    func checkOpen() throws {
        guard descriptor >= 0 else { throw TelephonyError.closed(address.description) }
    }

    private func markClosed() -> TelephonyError {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        return .closed(address.description)
    }
}
