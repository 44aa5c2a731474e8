/// How a dialled call ended as the line tells it, before anyone codes it.
public enum LineResult: Sendable, Equatable {
    /// The customer answered.
    case answered
    /// The call ended with a SIP final response, e.g. 486 Busy Here.
    case status(Int, reason: String)
    /// The call ended without a SIP status (a network error, an unreachable host).
    case failed(reason: String)
    /// Nobody answered within the ring time; CallPulse hung up.
    case ringTimeout
    /// The agent hung up before an answer.
    case agentHungUp

    /// Reads a `CALL_CLOSED` reason such as `486 Busy Here`.
    package static func closed(_ reason: String) -> LineResult {
        let parts = reason.split(separator: " ", maxSplits: 1)
        if let first = parts.first, first.count == 3, let code = Int(first), (300...699).contains(code) {
            return .status(code, reason: parts.count > 1 ? String(parts[1]) : "")
        }
        return .failed(reason: reason)
    }

    /// The SIP status to store with the call (200 for an answer), if the line gave one.
    package var sipStatus: Int? {
        switch self {
        case .answered: 200
        case let .status(code, _): code
        default: nil
        }
    }

    /// The reason text to store with the call.
    package var sipReason: String? {
        switch self {
        case .answered: "OK"
        case let .status(_, reason): reason
        case let .failed(reason): reason
        case .ringTimeout: "no answer within the ring time"
        case .agentHungUp: "hung up by the agent"
        }
    }
}
