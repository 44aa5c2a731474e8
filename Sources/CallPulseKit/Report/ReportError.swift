import Foundation

/// Why a client report could not be made, naming the bad value.
public enum ReportError: Error, LocalizedError, Equatable {
    /// `--language` is not fi, sv or en.
    case unknownLanguage(String)

    public var errorDescription: String? {
        switch self {
        case let .unknownLanguage(text):
            "--language '\(Terminal.sanitize(text))': the report is written in fi, sv or en"
        }
    }
}
