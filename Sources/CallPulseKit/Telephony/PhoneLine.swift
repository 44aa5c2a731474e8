import CallPulseDomain
import Foundation

/// The console's phone: a softphone CallPulse drives (`--phone`), or a command that dials
/// (`--dial-command`), with the address template and the ring time.
public final class PhoneLine {
    /// How a call is placed.
    public enum Dialer {
        /// A softphone at this address, (re)connected by `connect`.
        case softphone(PhoneAddress)
        case command(DialCommand)
    }

    public let dialer: Dialer
    public let dialURI: DialURI
    /// Seconds CallPulse lets the line ring before it hangs up and codes no answer.
    public let ringSeconds: Int
    /// The connected softphone; nil until connected, or after it dropped.
    var softphone: (any Softphone)?
    private let connector: (PhoneAddress) throws -> any Softphone

    public init(dialer: Dialer, dialURI: DialURI, ringSeconds: Int,
                connector: @escaping (PhoneAddress) throws -> any Softphone = { try BaresipSoftphone(address: $0) }) {
        self.dialer = dialer
        self.dialURI = dialURI
        self.ringSeconds = ringSeconds
        self.connector = connector
    }

    /// The connected softphone, connecting first when needed.
    func connected() throws -> any Softphone {
        if let softphone { return softphone }
        guard case let .softphone(address) = dialer else { preconditionFailure("a dial command has no softphone") }
        let phone = try connector(address)
        softphone = phone
        return phone
    }

    /// Hangs up and waits (up to a second) for the call's end, so its events never reach the next
    /// call. A softphone that fails here is dropped (the next dial connects again).
    func hangUpAndSettle() {
        do { try hangUpOrThrow() } catch { softphone = nil }
    }

    /// Hangs up and waits for the call's end; throws what the softphone did wrong.
    func hangUpOrThrow() throws {
        guard let softphone else { return }
        try softphone.hangUp()
        let deadline = Date().addingTimeInterval(1)
        while deadline.timeIntervalSinceNow > 0 {
            guard let event = try softphone.nextEvent(timeout: deadline.timeIntervalSinceNow) else { break }
            if case .closed = event { break }
        }
    }
}
