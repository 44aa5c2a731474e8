import CallPulseDomain
import Foundation

/// Drives baresip through its `ctrl_tcp` module: JSON commands and events in netstrings
/// (`{"command":"dial","params":"sip:…","token":"t1"}`; events `CALL_RINGING`,
/// `CALL_ESTABLISHED`, `CALL_CLOSED` with `param` such as `486 Busy Here`).
///
/// baresip 1.0.0's control socket accepts a second client without refusing it (measured here), so
/// a lock file per address (`callpulse-softphone-HOST-PORT.lock` in the temporary directory) keeps
/// a second console on this machine from driving the softphone the first one drives.
public final class BaresipSoftphone: Softphone {
    public let address: PhoneAddress
    public var name: String { "baresip \(address)" }
    private var connection: ControlConnection
    private let lock: SoftphoneLock
    private var decoder: Netstring.Decoder
    private var pending: [SoftphoneEvent] = []
    private var token = 0

    /// Connects, and refuses when another console on this machine drives the same softphone.
    /// - Parameter maxMessage: the largest netstring taken from the socket (64 KiB).
    public init(address: PhoneAddress, maxMessage: Int = 65_536) throws {
        self.address = address
        lock = try SoftphoneLock(address: address)
        connection = try ControlConnection(address: address)
        decoder = Netstring.Decoder(maxLength: maxMessage)
    }

    public func dial(_ uri: String) throws {
        pending.removeAll()
        try command("dial", params: uri)
    }

    public func hangUp() throws {
        // baresip answers an error when there is no call: that is fine here.
        do { try command("hangup", params: nil) } catch TelephonyError.refused {}
    }

    public func nextEvent(timeout: TimeInterval) throws -> SoftphoneEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            while let message = try nextMessage() {
                if let event = Self.event(message) { return event }
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            guard let bytes = try connection.receive(timeout: left) else { return nil }
            decoder.append(bytes)
        }
    }

    /// Sends a command and waits (up to 5 seconds) for its response; events that come meanwhile are kept.
    private func command(_ name: String, params: String?) throws {
        token += 1
        let tag = "cp\(token)"
        var object: [String: Any] = ["command": name, "token": tag]
        if let params { object["params"] = params }
        let json = try JSONSerialization.data(withJSONObject: object)
        try connection.send(Netstring.encode(json))
        let deadline = Date().addingTimeInterval(5)
        while true {
            while let message = try nextMessage() {
                if message["response"] as? Bool == true, message["token"] as? String == tag {
                    guard message["ok"] as? Bool != false else {
                        throw TelephonyError.refused(command: name, reason: (message["data"] as? String).map(Self.clean) ?? "no reason given")
                    }
                    return
                }
                if let event = Self.event(message) { pending.append(event) }
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let bytes = try connection.receive(timeout: left) else {
                throw TelephonyError.refused(command: name, reason: "no response within 5 seconds")
            }
            decoder.append(bytes)
        }
    }

    private func nextMessage() throws -> [String: Any]? {
        guard let payload = try decoder.next() else { return nil }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: payload) } catch {
            throw TelephonyError.badMessage("'\(Self.clean(String(decoding: payload.prefix(60), as: UTF8.self)))'")
        }
        guard let message = object as? [String: Any] else {
            throw TelephonyError.badMessage("'\(Self.clean(String(decoding: payload.prefix(60), as: UTF8.self)))'")
        }
        return message
    }

    /// The call event a message carries, if any.
    static func event(_ message: [String: Any]) -> SoftphoneEvent? {
        guard message["event"] as? Bool == true, let type = message["type"] as? String else { return nil }
        switch type {
        case "CALL_RINGING", "CALL_PROGRESS": return .ringing
        case "CALL_ESTABLISHED": return .established
        case "CALL_CLOSED": return .closed(reason: clean(message["param"] as? String ?? ""))
        default: return nil
        }
    }

    private static func clean(_ text: String) -> String { Terminal.sanitize(String(text.prefix(200))) }
}
