import Foundation

/// TCP ports on this machine, for the throwaway PostgreSQL servers the tests and the bench start.
public enum LocalPort {
    /// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's pick for port 0).
    public static func unused() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LocalPortError(reason: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LocalPortError(reason: "bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// No free port could be found; `reason` is the failing call and the system's message.
public struct LocalPortError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "cannot find a free TCP port on 127.0.0.1: \(reason)" }
}
