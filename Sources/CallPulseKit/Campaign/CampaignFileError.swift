import Foundation

/// Why a campaign's script file could not be read when the campaign was created.
public enum CampaignFileError: Error, LocalizedError, Equatable {
    case cannotReadScript(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .cannotReadScript(file, reason): "\(file): cannot read the script: \(reason)"
        }
    }
}
