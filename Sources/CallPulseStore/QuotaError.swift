import Foundation

/// A quota command that cannot be carried out.
public enum QuotaError: Error, Equatable, LocalizedError {
    case notFound(campaign: String, name: String, existing: [String])

    public var errorDescription: String? {
        switch self {
        case let .notFound(campaign, name, existing):
            "campaign \(campaign) has no quota '\(name)'"
                + (existing.isEmpty ? " (it has no quotas)" : " (its quotas: \(existing.joined(separator: ", ")))")
        }
    }
}
