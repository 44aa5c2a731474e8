
/// What `callpulse export` writes: which rows, in which dialect, with or without personal data.
public struct ExportOptions: Sendable {
    /// Comma-separated RFC 4180 (the default) or Excel's semicolon dialect with a BOM and decimal comma.
    public var dialect: CSVWriter.Dialect = .rfc4180
    /// Only interviews ended, and calls started, at or after this instant (seconds since 1970).
    public var since: Int64?
    /// Whether broken-off interviews are exported beside the complete ones. Default `false`.
    public var includePartials = false
    /// Whether the contact's phone, names, imported fields and the agents' notes are written.
    /// Default `true`; `--no-pii` turns it off.
    public var includePersonalData = true

    public init() {}
}
