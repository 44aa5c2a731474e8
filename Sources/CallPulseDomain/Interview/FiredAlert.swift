/// An alert of the script that fires on an interview's answers, to become a follow-up.
public struct FiredAlert: Sendable, Hashable {
    /// The alert's position in the script (one follow-up per alert per interview).
    public var index: Int
    public var reason: String
    /// Whether the customer was asked the script's consent question and did not say yes: the
    /// follow-up is then recorded as "no consent – do not call" instead of being opened.
    public var withoutConsent: Bool

    public init(index: Int, reason: String, withoutConsent: Bool = false) {
        self.index = index
        self.reason = reason
        self.withoutConsent = withoutConsent
    }
}
