/// One interview as the export reads it from the store, with its answers.
public struct ExportedInterview: Sendable {
    public var id: Int64 = 0
    public var contactID: Int64 = 0
    public var agent: String = ""
    public var language: String = ""
    public var startedAt: Int64 = 0
    public var endedAt: Int64?
    /// The case's final disposition when it has one, else the interview's.
    public var disposition: String?
    /// The interview's notes joined by " | ".
    public var notes: String?
    /// With personal data: phone, name, first name, last name, then each asked-for contact field.
    public var personal: [String?] = []
    /// The interview's answers, in no particular order.
    public var answers: [ExportedAnswer] = []

    public init() {}
}
