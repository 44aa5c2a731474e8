import Foundation

/// Why an export could not be made, naming the bad value and where it came from.
public enum ExportError: Error, LocalizedError, Equatable {
    /// `--since` is neither `YYYY-MM-DD` nor `YYYY-MM-DD HH:MM`.
    case invalidSince(String)
    /// The same file was given for two outputs.
    case sameFile(String)

    public var errorDescription: String? {
        switch self {
        case let .invalidSince(text):
            "--since '\(text)' is not a date: write YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (in the campaign's time zone)"
        case let .sameFile(path): "--out and --codebook both name '\(path)'; give the codebook its own file"
        }
    }
}
