/// One call attempt as the call export (the paradata) reads it from the store.
public struct ExportedCall: Sendable {
    public var id: Int64 = 0
    public var contactID: Int64 = 0
    public var startedAt: Int64 = 0
    public var endedAt: Int64?
    public var agent: String?
    public var outcome: String?
    public var aapor: String?
    public var note: String?
    /// With personal data: the contact's phone and name.
    public var phone: String?
    public var name: String?

    public init() {}
}
