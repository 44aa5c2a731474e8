import CallPulseDomain

/// Export streams: interviews with their answers and calls with their paradata, one at a time, in
/// one read transaction, in constant memory.
public protocol ExportStore: Sendable {
    /// Streams the selected interviews, with the named contact fields (nil: none, personal data withheld).
    func exportInterviews(_ selection: ExportSelection, contactFields: [String]?,
                          _ body: (ExportedInterview) throws -> Void) throws
    /// Streams the selected calls, with the number and name when `personal`.
    func exportCalls(_ selection: ExportSelection, personal: Bool, _ body: (ExportedCall) throws -> Void) throws
}
