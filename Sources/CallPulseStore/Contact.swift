import Foundation

/// A person to call in one campaign, as imported from the client's call list.
public struct Contact: Codable, Sendable, Hashable {
    /// Where a contact is in its life: never tried, waiting for a retry or appointment, or finished.
    public enum Status: String, Codable, Sendable {
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

    /// The imported extra fields, decoded.
    public var fieldValues: [String: String] {
        guard let data = fields.data(using: .utf8),
              let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return object
    }

    public init(id: Int64? = nil, campaignId: String, phone: String, phoneRegion: String? = nil, name: String? = nil,
                firstName: String? = nil, lastName: String? = nil, language: String? = nil, timeZone: String? = nil,
                fields: String, status: Status, disposition: String? = nil, attempts: Int, nextCallAt: Int64? = nil,
                leaseAgent: String? = nil, leaseUntil: Int64? = nil, appointmentAgent: String? = nil,
                appointmentNote: String? = nil, importId: Int64? = nil, importLine: Int? = nil,
                erasedAt: Int64? = nil) {
        self.id = id
        self.campaignId = campaignId
        self.phone = phone
        self.phoneRegion = phoneRegion
        self.name = name
        self.firstName = firstName
        self.lastName = lastName
        self.language = language
        self.timeZone = timeZone
        self.fields = fields
        self.status = status
        self.disposition = disposition
        self.attempts = attempts
        self.nextCallAt = nextCallAt
        self.leaseAgent = leaseAgent
        self.leaseUntil = leaseUntil
        self.appointmentAgent = appointmentAgent
        self.appointmentNote = appointmentNote
        self.importId = importId
        self.importLine = importLine
        self.erasedAt = erasedAt
    }
}

