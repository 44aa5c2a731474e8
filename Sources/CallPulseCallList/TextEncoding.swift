
/// The text encoding of a call-list file.
///
/// `CSVReader` detects it when none is given: a byte-order mark wins; otherwise the first
/// 64 KiB are tried as UTF-8, and anything that is not valid UTF-8 is taken as Windows-1252
/// (what Excel writes for "CSV" in a Finnish or Swedish locale).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// Looks up an encoding by the name a person would type, case-insensitively:
    /// "utf-8"/"utf8", "windows-1252"/"cp1252", "latin1"/"iso-8859-1" (decoded as Windows-1252,
    /// its superset), "utf-16"/"utf-16le" and "utf-16be". Returns nil for any other name.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8":
            self = .utf8
        case "windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1":
            self = .windows1252
        case "utf-16", "utf16", "utf-16le", "utf16le":
            self = .utf16LE
        case "utf-16be", "utf16be":
            self = .utf16BE
        default:
            return nil
        }
    }

    /// The names `init?(name:)` accepts, for help texts and error messages.
    public static let acceptedNames = [
        "utf-8", "windows-1252", "cp1252", "latin1", "iso-8859-1", "utf-16", "utf-16le", "utf-16be",
    ]
}
