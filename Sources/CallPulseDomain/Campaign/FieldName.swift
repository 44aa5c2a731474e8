import Foundation

/// The name a call-list column or a `--field` goes by as a contact field and script placeholder.
public enum FieldName {
    /// `raw` trimmed, lower-cased, with spaces and dashes as `_`.
    public static func normalize(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        text = String(text.map { $0 == " " || $0 == "-" ? "_" : $0 })
        return text
    }
}
