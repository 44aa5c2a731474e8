import Foundation

/// Why a call list could not be imported at all (nothing was imported).
public enum ImportError: Error, LocalizedError, Equatable {
    /// The file's structure is wrong: no phone column, unreadable, undecodable bytes, …
    case structural(file: String, line: Int?, message: String)
    case unknownRegion(String)
    case campaignClosed(String)

    /// The message, safe to print: a message may quote the file's own text.
    public var errorDescription: String? {
        Terminal.sanitize(message)
    }

    private var message: String {
        switch self {
        case let .structural(file, line?, message): "\(file) line \(line): \(message); nothing was imported"
        case let .structural(file, nil, message): "\(file): \(message); nothing was imported"
        case let .unknownRegion(region): "'\(region)' is not a known region code (use a two-letter code such as FI, SE or GB)"
        case let .campaignClosed(id): "campaign '\(id)' is closed; nothing can be imported into it"
        }
    }
}
