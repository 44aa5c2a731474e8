import CallPulseDomain
import Foundation

/// What went wrong between the console and the agent's phone, in words an agent can act on.
public enum TelephonyError: LocalizedError, Equatable {
    /// The control socket could not be reached (the softphone is not running, a wrong port).
    case unreachable(String, reason: String)
    /// Another console already drives this softphone.
    case inUse(String)
    /// The softphone closed the control connection.
    case closed(String)
    /// Bytes that are not a netstring, or one over the size limit.
    case badFrame(String)
    /// A netstring whose content is not a JSON object.
    case badMessage(String)
    /// The softphone refused a command.
    case refused(command: String, reason: String)
    /// `--phone` names no softphone CallPulse drives.
    case badAddress(String)
    /// The `--dial-command` could not be run or failed.
    case commandFailed(String)
    /// `--dial-uri` cannot make an address of a number.
    case badDialURI(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .unreachable(address, reason):
            "the softphone at \(address) is not reachable (\(reason)); is baresip running with ctrl_tcp listening there?"
        case let .inUse(address):
            "the softphone at \(address) is already driven by another console on this machine; one softphone takes one console"
        case let .closed(address): "the softphone at \(address) closed its control connection (stopped or restarted)"
        case let .badFrame(detail): "the softphone's control socket sent something that is not a netstring: \(detail)"
        case let .badMessage(detail): "the softphone's control socket sent a message that is not a JSON object: \(detail)"
        case let .refused(command, reason): "the softphone refused '\(command)': \(reason)"
        case let .badAddress(text):
            "'\(text)' is not a softphone: use baresip or baresip://HOST:PORT (e.g. baresip://127.0.0.1:4444)"
        case let .commandFailed(detail): "the dial command failed: \(detail)"
        case let .badDialURI(template, reason): "--dial-uri '\(template)' \(reason)"
        }
    }
}
