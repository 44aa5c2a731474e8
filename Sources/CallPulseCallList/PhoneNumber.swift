
/// A valid phone number, normalized by libphonenumber.
public struct PhoneNumber: Sendable, Hashable {
    /// The E.164 form used as the key everywhere: "+358401234567".
    public var e164: String
    /// The ISO 3166 region the number belongs to ("FI", "AX", "SE"), or "001" for
    /// non-geographic numbers.
    public var region: String
    /// The international form for display and dialing abroad: "+358 40 1234567"
    /// (empty when parsed with `displayForms: false`).
    public var international: String
    /// The national form, as dialed inside the region: "040 1234567"
    /// (empty when parsed with `displayForms: false`).
    public var national: String
    /// True for numbers the numbering plan marks as mobile. Plans that cannot tell mobile
    /// from fixed line (US, CA) report false.
    public var isMobile: Bool

    public init(e164: String, region: String, international: String, national: String, isMobile: Bool) {
        self.e164 = e164
        self.region = region
        self.international = international
        self.national = national
        self.isMobile = isMobile
    }
}

/// The outcome of parsing one phone number from a call list.
public enum PhoneParseResult: Sendable, Hashable {
    case valid(PhoneNumber)
    /// Not usable; `reason` names the value: "'040 12' is not a valid phone number for FI".
    case invalid(reason: String)

    /// The number when valid, else nil.
    public var number: PhoneNumber? {
        if case let .valid(number) = self { return number }
        return nil
    }
}
