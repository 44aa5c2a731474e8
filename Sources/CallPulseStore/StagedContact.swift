/// A call-list row with a valid number, as an import writes it: a new contact, never called.
public struct StagedContact: Sendable {
    /// The number in E.164 (`+358401234567`) and its region (`FI`).
    public var phone: String
    public var region: String
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var language: String?
    public var timeZone: String?
    /// The extra fields as a JSON object, or nil when there are none.
    public var fieldsJSON: String?
    /// The row's line in the call list.
    public var line: Int

    public init(phone: String, region: String, name: String?, firstName: String?, lastName: String?, language: String?,
                timeZone: String?, fieldsJSON: String?, line: Int) {
        self.phone = phone
        self.region = region
        self.name = name
        self.firstName = firstName
        self.lastName = lastName
        self.language = language
        self.timeZone = timeZone
        self.fieldsJSON = fieldsJSON
        self.line = line
    }

    /// What became of a staged contact.
    public enum Outcome: Sendable, Equatable {
        /// Written as a contact of the staging import.
        case staged
        /// Left out: the number is on the do-not-call list.
        case doNotCall
        /// Left out: an earlier row of the same file, on `line`, has the number.
        case duplicateInFile(line: Int)
        /// Left out: the campaign already has a contact with the number.
        case duplicateInCampaign
    }
}
