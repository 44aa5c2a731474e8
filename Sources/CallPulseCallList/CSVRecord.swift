
/// One record (row) of a call-list file.
public struct CSVRecord: Sendable, Equatable {
    /// The field values: unquoted fields trimmed of surrounding blanks, quoted fields verbatim.
    public var fields: [String]
    /// The 1-based physical line on which the record starts (a quoted field may span lines).
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}
