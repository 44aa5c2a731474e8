import Foundation

/// Why a call-back time the agent typed was not accepted; each message names the input.
public enum CallbackTimeError: Error, LocalizedError, Sendable, Hashable {
    /// Nothing was typed.
    case empty
    /// Not a form the parser knows.
    case unrecognized(String)
    /// A day without a time of day, e.g. `tomorrow`.
    case missingTimeOfDay(String)
    /// A date that does not exist, e.g. `31.2.`.
    case noSuchDate(String)
    /// The time has already passed.
    case inPast(String)
    /// More than a year ahead: surely a typing mistake.
    case tooFarAhead(String)

    /// The forms accepted, for the end of a message.
    package static let examples = "15:30, tomorrow 10, +2h, 25.11. 14:00 or 2026-11-25 14:00"

    public var errorDescription: String? {
        switch self {
        case .empty: "type a call-back time, e.g. \(Self.examples)"
        case let .unrecognized(input): "'\(input)' is not a time; try \(Self.examples)"
        case let .missingTimeOfDay(input): "'\(input)' needs a time of day too, e.g. '\(input) 10' or '\(input) 14:30'"
        case let .noSuchDate(input): "'\(input)' is not a date in the calendar"
        case let .inPast(input): "'\(input)' is in the past"
        case let .tooFarAhead(input): "'\(input)' is more than a year ahead"
        }
    }
}
