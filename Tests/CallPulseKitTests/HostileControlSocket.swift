import Foundation

/// A TCP server on 127.0.0.1 that plays a broken softphone: to every client it sends `reply` (or
/// closes at once when nil), then holds the connection until the test ends.
final class HostileControlSocket: @unchecked Sendable {
    // @unchecked: `clients` is only touched under `lock`; the accept loop runs on its own thread.
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var clients: [Int32] = []

    init(reply: Data?) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(listener, raw, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, raw, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [weak self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                guard let reply else {
                    close(client)
                    continue
                }
                reply.withUnsafeBytes { _ = send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard let self else {
                    close(client)
                    return
                }
                self.lock.withLock { self.clients.append(client) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.withLock { clients.forEach { close($0) } }
    }
}
