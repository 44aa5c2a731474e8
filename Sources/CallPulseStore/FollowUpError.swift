import Foundation

/// Why a follow-up could not be resolved, naming the follow-up.
public enum FollowUpError: Error, LocalizedError, Equatable {
    case notFound(Int64)
    case alreadyResolved(id: Int64, by: String, at: String)
    case emptyNote(Int64)

    public var errorDescription: String? {
        switch self {
        case let .notFound(id): "no follow-up #\(id) (see `callpulse followups`)"
        case let .alreadyResolved(id, by, at): "follow-up #\(id) was already resolved by \(by) at \(at)"
        case let .emptyNote(id): "follow-up #\(id): --note must say what was done"
        }
    }
}
