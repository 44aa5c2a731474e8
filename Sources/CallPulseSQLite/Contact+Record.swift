import CallPulseDomain
import CallPulseStore
import GRDB

extension Contact: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Decodes a row by hand: the claim path reads a contact on every call, and GRDB's Codable
    /// decoding costs several times more.
    public init(row: Row) throws {
        self.init(id: row["id"], campaignId: row["campaignId"], phone: row["phone"], phoneRegion: row["phoneRegion"],
                  name: row["name"], firstName: row["firstName"], lastName: row["lastName"],
                  language: row["language"], timeZone: row["timeZone"], fields: row["fields"], status: row["status"],
                  disposition: row["disposition"], attempts: row["attempts"], nextCallAt: row["nextCallAt"],
                  leaseAgent: row["leaseAgent"], leaseUntil: row["leaseUntil"],
                  appointmentAgent: row["appointmentAgent"], appointmentNote: row["appointmentNote"],
                  importId: row["importId"], importLine: row["importLine"], erasedAt: row["erasedAt"])
    }

    /// Encodes by hand, for the same reason.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["campaignId"] = campaignId
        container["phone"] = phone
        container["phoneRegion"] = phoneRegion
        container["name"] = name
        container["firstName"] = firstName
        container["lastName"] = lastName
        container["language"] = language
        container["timeZone"] = timeZone
        container["fields"] = fields
        container["status"] = status
        container["disposition"] = disposition
        container["attempts"] = attempts
        container["nextCallAt"] = nextCallAt
        container["leaseAgent"] = leaseAgent
        container["leaseUntil"] = leaseUntil
        container["appointmentAgent"] = appointmentAgent
        container["appointmentNote"] = appointmentNote
        container["importId"] = importId
        container["importLine"] = importLine
        container["erasedAt"] = erasedAt
    }
}

extension Contact.Status: DatabaseValueConvertible {}
