import Foundation

/// Why `callpulse db copy` refused or failed its own check; nothing is left half-copied.
public enum StoreCopyError: Error, Equatable, LocalizedError {
    /// The target already holds campaigns: a copy only fills an empty database.
    case targetNotEmpty(target: String, campaigns: [String])
    /// A table holds a different number of rows on the two sides after the copy.
    case countsDiffer(table: String, source: Int, target: Int)
    /// `stats --json` of a campaign differs between the two sides.
    case statsDiffer(campaign: String)

    public var errorDescription: String? {
        switch self {
        case let .targetNotEmpty(target, campaigns):
            "\(target) already holds campaigns (\(campaigns.joined(separator: ", "))): db copy only fills an empty database"
        case let .countsDiffer(table, source, target):
            "the copy's check failed: table \(table) has \(source) rows in the source but \(target) in the target"
        case let .statsDiffer(campaign):
            "the copy's check failed: `stats --json` of campaign \(campaign) differs between the source and the target"
        }
    }
}
