import Foundation

/// Errors of `callpulse stats`, naming the bad value.
public enum StatsError: Error, LocalizedError, Equatable {
    /// `--by FIELD` names no field of the campaign's contacts.
    case unknownField(field: String, campaign: String, available: [String])
    /// `--watch` was given a period that is not a positive number of seconds.
    case invalidWatchPeriod(String)
    /// Every campaign's stored script was refused (each was named on standard error).
    case noReadableCampaign(String)

    public var errorDescription: String? {
        switch self {
        case let .unknownField(field, campaign, available):
            let list = available.isEmpty ? "its contacts have no extra fields" : "available: " + available.joined(separator: ", ")
            return "--by '\(Terminal.sanitize(field))': campaign \(campaign) has no contact field of that name (\(list))"
        case let .invalidWatchPeriod(text):
            return "--watch '\(Terminal.sanitize(text))': give the seconds between redraws as a number from 0.2 to 3600"
        case let .noReadableCampaign(path):
            return "no campaign in \(Terminal.sanitize(path)) has a script this CallPulse can read (see the notes above)"
        }
    }
}
