/// The names the interview export gives its own columns, and how an imported contact field that
/// would repeat one of them (or a question's column) is named instead, so every header of the
/// export is unique: a client reading the file by column name gets what the name says.
public enum ExportColumns {
    /// The interview export's own columns (ids, the personal columns, the interview's facts, the notes).
    public static let reserved: Set<String> = [
        "interview_id", "contact_id", "phone", "name", "first_name", "last_name",
        "agent", "language", "started", "ended", "duration_s", "disposition", "quota_groups", "notes",
    ]

    /// What an imported field is prefixed with while its name is taken.
    public static let fieldPrefix = "field_"

    /// Whether `name` is one of the export's own columns or a question id of `questionIDs`
    /// (compared without case: a spreadsheet's lookup by name ignores it).
    public static func isTaken(_ name: String, questionIDs: Set<String>) -> Bool {
        let lowered = name.lowercased()
        return reserved.contains(lowered) || questionIDs.contains(lowered)
    }

    /// The column name for imported field `name`: the name itself, or `field_NAME` (prefixed again
    /// while that is taken too, by a reserved name, a question or one of `otherFields`).
    public static func fieldColumn(_ name: String, questionIDs: Set<String>, otherFields: Set<String> = []) -> String {
        var column = name
        while isTaken(column, questionIDs: questionIDs) || (column != name && otherFields.contains(column.lowercased())) {
            column = fieldPrefix + column
        }
        return column
    }

    /// The call-list column a field column was made from, when it was prefixed because its own
    /// name was taken; nil for a field kept under its own name.
    public static func renamedFrom(_ column: String, questionIDs: Set<String>) -> String? {
        var original = Substring(column)
        while original.hasPrefix(fieldPrefix) {
            original = original.dropFirst(fieldPrefix.count)
            if isTaken(String(original), questionIDs: questionIDs) { return String(original) }
        }
        return nil
    }
}
