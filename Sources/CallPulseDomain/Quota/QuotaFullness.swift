/// Which field groups are full now, for a claim without balancing, counting the contacts in
/// progress only where they can decide it: a group whose completes reached its target is full
/// whatever is held; one that every contact held in the campaign now would still leave short is
/// not. Only a group between the two needs its held contacts counted, which means reading their
/// fields; the usual claim so reads none.
public enum QuotaFullness {
    /// The standings of the full groups among `quotas`.
    ///
    /// - Parameters:
    ///   - completes: each quota's complete interviews counted in it (absent: none).
    ///   - held: the contacts of the campaign held by a console now, in any group or none.
    ///   - count: the contacts in progress of each quota it is given (the undecided ones).
    public static func fullGroups<ID: Hashable>(_ quotas: [(id: ID, quota: Quota)], completes: [ID: Int], held: Int,
                                                counting count: ([ID]) throws -> [ID: Int]) rethrows -> [QuotaStanding] {
        let undecided = quotas.filter { quota in
            let done = completes[quota.id] ?? 0
            return done < quota.quota.target && done + held >= quota.quota.target
        }.map(\.id)
        let inProgress = undecided.isEmpty ? [:] : try count(undecided)
        return quotas.map {
            QuotaStanding(quota: $0.quota, completes: completes[$0.id] ?? 0, inProgress: inProgress[$0.id] ?? 0)
        }.filter(\.isFull)
    }
}
