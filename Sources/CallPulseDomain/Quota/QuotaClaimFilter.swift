/// Which contacts the claim may serve, given the campaign's field quotas (pure: the store fetches
/// candidates in queue order and asks this which to serve).
///
/// A contact in a full field group is not served; an appointment is, unless
/// `dropsAppointments` (the supervisor's choice). With `balancing` on, among candidates that are
/// otherwise equal the one whose groups are furthest from their targets comes first.
public struct QuotaClaimFilter: Sendable {
    /// The field quotas that are full now.
    public let fullGroups: [QuotaStanding]
    /// The field quotas that are not full, for balancing.
    public let openGroups: [QuotaStanding]
    public let balancing: Bool
    public let dropsAppointments: Bool

    /// Builds the filter from the standings of every quota of the campaign; answer and mixed
    /// quotas are left out (they are enforced in the interview).
    public init(standings: [QuotaStanding], balancing: Bool = false, dropsAppointments: Bool = false) {
        let fieldGroups = standings.filter { $0.quota.group.kind == .fieldOnly }
        fullGroups = fieldGroups.filter(\.isFull)
        openGroups = fieldGroups.filter { !$0.isFull }
        self.balancing = balancing
        self.dropsAppointments = dropsAppointments
    }

    /// True when the filter changes nothing: no full group and no balancing to do.
    public var servesEveryone: Bool { fullGroups.isEmpty && (!balancing || openGroups.isEmpty) }

    /// The full groups a contact belongs to; empty means it may be served.
    public func fullGroups(of fields: [String: String], language: String?) -> [QuotaStanding] {
        fullGroups.filter { $0.quota.group.contains(fields: fields, language: language) }
    }

    /// Whether a contact may be served; `appointment` when it is a due appointment.
    public func serves(fields: [String: String], language: String?, appointment: Bool = false) -> Bool {
        if appointment, !dropsAppointments { return true }
        return fullGroups(of: fields, language: language).isEmpty
    }

    /// The balancing weight of a contact: the largest open share of the open groups it is in, 0 for
    /// a contact in no group (served after those of groups still short).
    public func priority(fields: [String: String], language: String?) -> Double {
        openGroups.filter { $0.quota.group.contains(fields: fields, language: language) }.map(\.openShare).max() ?? 0
    }

    /// The index of the candidate to serve among `candidates` in queue order (each with its
    /// `rank`, equal for contacts that are otherwise equal): the first one served, or with
    /// balancing, the one of highest priority among those of the first served one's rank.
    /// Nil when none may be served. `appointments`: the candidates are due appointments.
    public func pick<Rank: Equatable>(_ candidates: [(fields: [String: String], language: String?, rank: Rank)],
                                      appointments: Bool = false) -> Int? {
        guard let first = candidates.indices.first(where: {
            serves(fields: candidates[$0].fields, language: candidates[$0].language, appointment: appointments)
        }) else { return nil }
        guard balancing, !openGroups.isEmpty else { return first }
        var best = first
        var bestPriority = priority(fields: candidates[first].fields, language: candidates[first].language)
        for index in candidates.indices[(first + 1)...] where candidates[index].rank == candidates[first].rank {
            let candidate = candidates[index]
            guard serves(fields: candidate.fields, language: candidate.language, appointment: appointments) else { continue }
            let value = priority(fields: candidate.fields, language: candidate.language)
            if value > bestPriority { (best, bestPriority) = (index, value) }
        }
        return best
    }

    /// One line per full group: `quota full: touchpoint = support`.
    public var fullDescriptions: [String] { fullGroups.map(\.fullDescription) }
}
