import CallPulseDomain

/// One quota's figures in `stats --json` and the dashboard (`QuotaStanding`, flattened).
public struct QuotaFigures: Codable, Sendable, Equatable {
    public var name: String
    /// The group in normal form, e.g. `touchpoint = support`.
    public var group: String
    /// `fields`, `answers` or `fields and answers` (`QuotaKind`).
    public var kind: String
    public var target: Int
    public var completes: Int
    /// Contacts of a field group held by consoles now; interviews holding a place in an answer group.
    public var inProgress: Int
    public var remaining: Int
    /// Completes ÷ target, 0–100 and more (100 for a target of 0).
    public var percentFull: Double
    /// Completes over the target: interviews in progress when the group filled.
    public var overTarget: Int
    /// Completes plus interviews in progress reach the target: no new interview enters the group.
    public var full: Bool
    /// Field groups only: contacts not finished and not held now.
    public var contactsLeft: Int?
    /// Field groups only: whether those contacts could still fill the target.
    public var sampleCanFill: Bool?

    public init(_ standing: QuotaStanding) {
        name = standing.quota.name
        group = standing.quota.group.summary
        kind = standing.quota.group.kind.rawValue
        target = standing.quota.target
        completes = standing.completes
        inProgress = standing.inProgress
        remaining = standing.remaining
        percentFull = standing.percentFull
        overTarget = standing.overTarget
        full = standing.isFull
        contactsLeft = standing.contactsLeft
        sampleCanFill = standing.sampleCanFill
    }
}
