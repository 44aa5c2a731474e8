/// Where the agent's softphone listens: `--phone baresip` or `baresip://HOST:PORT`.
public struct PhoneAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort: UInt16 = 4444

    public init(host: String = PhoneAddress.defaultHost, port: UInt16 = PhoneAddress.defaultPort) {
        self.host = host
        self.port = port
    }

    /// Reads `baresip`, `baresip://HOST`, `baresip://HOST:PORT` or `baresip://[IPv6]:PORT`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "baresip" {
            self.init()
            return
        }
        guard trimmed.lowercased().hasPrefix("baresip://") else { throw TelephonyError.badAddress(text) }
        var rest = Substring(trimmed.dropFirst("baresip://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw TelephonyError.badAddress(text) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw TelephonyError.badAddress(text) }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "@" }) else {
            throw TelephonyError.badAddress(text)
        }
        var port = Self.defaultPort
        if let portText {
            guard let value = UInt16(portText), value > 0 else { throw TelephonyError.badAddress(text) }
            port = value
        }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
