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
                if connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0 {
                    descriptor = fd
                    return
                }
                lastError = errno
                close(fd)
            }
            info = entry.pointee.ai_next
        }
        throw TelephonyError.unreachable(address.description, reason: String(cString: strerror(lastError)))
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

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
