import CallPulseDomain
import Foundation

/// The seam between the console and the agent's phone: dial a number, hang up, and hear what the
/// line does. `BaresipSoftphone` drives a real softphone; tests drive it with real SIP too.
public protocol Softphone: AnyObject {
    /// How the agent knows this phone, e.g. `baresip 127.0.0.1:4444`.
    var name: String { get }
    /// Starts a call to `uri`.
    func dial(_ uri: String) throws
    /// Hangs up whatever call the phone has (none is fine).
    func hangUp() throws
    /// Waits up to `timeout` seconds for the next event about a call; nil when none came.
    func nextEvent(timeout: TimeInterval) throws -> SoftphoneEvent?
}
