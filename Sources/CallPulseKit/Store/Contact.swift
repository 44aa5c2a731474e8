import Foundation
import GRDB

/// A person to call in one campaign, as imported from the client's call list.
public struct Contact: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Where a contact is in its life: never tried, waiting for a retry or appointment, or finished.
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case new, scheduled, done
    }

    public var id: Int64?
    public var campaignId: String
    /// E.164, e.g. `+358401234567`.
    public var phone: String
    /// The number's ISO region, e.g. `FI`.
    public var phoneRegion: String?
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    /// `fi`, `sv` or `en`; nil means the script's first language.
    public var language: String?
    /// IANA zone from the list's `timezone` column or the number's region; nil means the campaign's.
    public var timeZone: String?
    /// Every other column of the call list, as a JSON object of strings.
    public var fields: String
    public var status: Status
    /// The final AAPOR disposition code once the case is finished.
    public var disposition: String?
    public var attempts: Int
    public var nextCallAt: Int64?
    public var leaseAgent: String?
    public var leaseUntil: Int64?
    public var appointmentAgent: String?
    public var appointmentNote: String?
    public var importId: Int64?
    public var importLine: Int?
    /// When the person's personal data was erased (`callpulse forget`, `campaign close --purge-pii`);
    /// nil while it is held. An erased contact keeps its answers' scores but nothing that identifies it.
    public var erasedAt: Int64?

    public static let databaseTableName = "contact"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The imported extra fields, decoded.
    public var fieldValues: [String: String] {
        guard let data = fields.data(using: .utf8),
              let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return object
    }
}

extension Contact {
    /// Decodes a row by hand: the claim path reads a contact on every call, and GRDB's Codable
    /// decoding costs several times more.
    public init(row: Row) throws {
        id = row["id"]
        campaignId = row["campaignId"]
        phone = row["phone"]
        phoneRegion = row["phoneRegion"]
        name = row["name"]
        firstName = row["firstName"]
        lastName = row["lastName"]
        language = row["language"]
        timeZone = row["timeZone"]
        fields = row["fields"]
        status = row["status"]
        disposition = row["disposition"]
        attempts = row["attempts"]
        nextCallAt = row["nextCallAt"]
        leaseAgent = row["leaseAgent"]
        leaseUntil = row["leaseUntil"]
        appointmentAgent = row["appointmentAgent"]
        appointmentNote = row["appointmentNote"]
        importId = row["importId"]
        importLine = row["importLine"]
        erasedAt = row["erasedAt"]
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
