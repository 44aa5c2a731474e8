
/// A number on the do-not-call list: no campaign calls it, and imports reject it.
public struct DoNotCallEntry: Codable, Sendable, Equatable {
    /// E.164.
    public var phone: String
    public var addedAt: Int64
    public var addedBy: String
    /// How it got there: `agent, campaign acme` (the customer asked on a call), `manual`,
    /// `import FILE`, `erasure request`.
    public var source: String
    /// The reason given, if any.
    public var note: String?

    public init(phone: String, addedAt: Int64, addedBy: String, source: String, note: String? = nil) {
        self.phone = phone
        self.addedAt = addedAt
        self.addedBy = addedBy
        self.source = source
        self.note = note
    }
}
