/// Where a quota stands: its completes and the interviews in progress in its group.
///
/// In progress, for a field quota: contacts of the group a console holds now (on a card or in an
/// interview); for an answer quota: interviews running now whose answers put them in the group.
public struct QuotaStanding: Sendable, Hashable {
    public var quota: Quota
    /// Complete interviews counted in the group.
    public var completes: Int
    /// Interviews (or claimed contacts) in the group in progress now.
    public var inProgress: Int
    /// Contacts of a field quota's group still to be worked (not finished, not held now); nil for
    /// a group defined on answers, whose contacts cannot be told in advance.
    public var contactsLeft: Int?

    public init(quota: Quota, completes: Int, inProgress: Int, contactsLeft: Int? = nil) {
        self.quota = quota
        self.completes = completes
        self.inProgress = inProgress
        self.contactsLeft = contactsLeft
    }

    /// Completes plus interviews in progress reach the target: no new interview may enter the group.
    public var isFull: Bool { completes + inProgress >= quota.target }

    /// Completes still wanted (0 once the target is reached).
    public var remaining: Int { max(0, quota.target - completes) }

    /// Completes beyond the target: interviews that were in progress when the group filled.
    public var overTarget: Int { max(0, completes - quota.target) }

    /// Completes as a share of the target, in percent (100 for a target of 0).
    public var percentFull: Double {
        quota.target == 0 ? 100 : 100 * Double(completes) / Double(quota.target)
    }

    /// The share of the target not yet taken by completes or interviews in progress, 0…1: the
    /// balancing order serves the group with the largest share first.
    public var openShare: Double {
        quota.target == 0 ? 0 : max(0, Double(quota.target - completes - inProgress)) / Double(quota.target)
    }

    /// Whether the group's sample can still fill the quota: the contacts left, if every one of them
    /// completed, with the interviews in progress, reach the target. Nil when unknown (answer groups).
    public var sampleCanFill: Bool? {
        contactsLeft.map { completes + inProgress + $0 >= quota.target }
    }

    /// `quota full: touchpoint = support`, for the console's "nothing to call" and `stats`.
    public var fullDescription: String { "quota full: \(quota.group.summary)" }
}
