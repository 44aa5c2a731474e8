import CallPulseDomain
import CallPulseStore
import Foundation

extension PostgresStore {
    /// Each quota's standing, counted in the caller's transaction: completes from `quotaInterview`;
    /// in progress, for a field group, its contacts a console holds now (on a card or in an
    /// interview), for an answer group, running interviews (still leased) holding a place in it,
    /// other than `excluding`. `withSample` also counts each field group's contacts left.
    static func quotaStandings(_ conn: PGConnection, campaignID: String, now: Int64,
                               kinds: Set<QuotaKind> = Set(QuotaKind.allCases), excluding interviewID: Int64? = nil,
                               withSample: Bool = false,
                               defaultLanguage known: String?? = nil) throws -> [(id: Int64, standing: QuotaStanding)] {
        let stored = try quotas(conn, campaignID: campaignID, fieldsOnly: kinds == [.fieldOnly])
            .filter { kinds.contains($0.quota.group.kind) }
        guard !stored.isEmpty else { return [] }
        let completes = try completesByQuota(conn, campaignID: campaignID)
        let answering = stored.contains { $0.quota.group.kind != .fieldOnly } ? try countsByQuota(conn, """
            SELECT qi.quotaId, count(*) FROM quota q JOIN quotaInterview qi ON qi.quotaId = q.id
              JOIN interview i ON i.id = qi.interviewId JOIN contact c ON c.id = i.contactId
            WHERE q.campaignId = $1 AND qi.complete = 0 AND i.status = 'active' AND c.leaseUntil > $2
              AND i.id IS DISTINCT FROM $3::bigint
            GROUP BY qi.quotaId
            """, [campaignID, now, interviewID]) : [:]
        let defaultLanguage = try known ?? quotaOptions(conn, campaignID: campaignID).defaultLanguage
        let fieldQuotas = stored.filter { $0.quota.group.kind == .fieldOnly }
        let held = try countContacts(conn, in: fieldQuotas, campaignID: campaignID, defaultLanguage: defaultLanguage,
                                     now: now, held: true)
        let left = withSample ? try countContacts(conn, in: fieldQuotas, campaignID: campaignID,
                                                  defaultLanguage: defaultLanguage, now: now, held: false) : [:]
        return stored.map { quota in
            let isField = quota.quota.group.kind == .fieldOnly
            return (quota.id, QuotaStanding(quota: quota.quota, completes: completes[quota.id] ?? 0,
                                            inProgress: (isField ? held[quota.id] : answering[quota.id]) ?? 0,
                                            contactsLeft: withSample && isField ? left[quota.id] ?? 0 : nil))
        }
    }

    /// Each of the campaign's quotas' complete interviews counted in it (absent: none).
    private static func completesByQuota(_ conn: PGConnection, campaignID: String) throws -> [Int64: Int] {
        try countsByQuota(conn, """
            SELECT qi.quotaId, count(*) FROM quota q JOIN quotaInterview qi ON qi.quotaId = q.id
            WHERE q.campaignId = $1 AND qi.complete = 1 GROUP BY qi.quotaId
            """, [campaignID])
    }

    /// `sql`'s rows (a quota id, a count) as a dictionary.
    private static func countsByQuota(_ conn: PGConnection, _ sql: String,
                                      _ arguments: [(any PGParameter)?]) throws -> [Int64: Int] {
        try conn.execute(sql, arguments).rows.reduce(into: [:]) { counts, row in
            counts[try row.value(at: 0, as: Int64.self)] = try row.value(at: 1, as: Int.self)
        }
    }

    /// The contacts of each field group a console holds now (`held`), or still to be worked (not
    /// finished, not held, not in an import still staging). The server reads only the fields the
    /// groups use and counts each combination of their values once; each combination is then
    /// judged here, once.
    private static func countContacts(_ conn: PGConnection, in quotas: [StoredQuota], campaignID: String,
                                      defaultLanguage: String?, now: Int64, held: Bool) throws -> [Int64: Int] {
        guard !quotas.isEmpty else { return [:] }
        let names = quotas.reduce(into: Set<String>()) { $0.formUnion($1.quota.group.fieldNames) }
            .subtracting([QuotaGroup.languageName]).sorted()
        // One placeholder per field read, and one GROUP BY position per column: no value is pasted in.
        let columns = (names.indices.map { "(fields::jsonb ->> $\($0 + 1)::text)" } + ["language"]).joined(separator: ", ")
        let positions = (1...(names.count + 1)).map(String.init).joined(separator: ", ")
        let (campaign, moment) = ("$\(names.count + 1)", "$\(names.count + 2)")
        let scope = held ? "leaseUntil > \(moment) AND status != 'done'"
            : """
            status != 'done' AND (leaseUntil IS NULL OR leaseUntil <= \(moment))
              AND id < COALESCE((SELECT min(firstContactId) FROM callListImport WHERE state = 'staging'), \(Int64.max))
            """
        let rows = try conn.execute("""
            SELECT \(columns), count(*) FROM contact WHERE campaignId = \(campaign) AND \(scope) GROUP BY \(positions)
            """, names.map { $0 as (any PGParameter)? } + [campaignID, now]).rows
        var counts: [Int64: Int] = [:]
        for row in rows {
            var fields: [String: String] = [:]
            for (index, name) in names.enumerated() {
                if let value = row[index] { fields[name] = value }
            }
            let language = row[names.count] ?? defaultLanguage
            let count = try row.value(at: names.count + 1, as: Int.self)
            for quota in quotas where quota.quota.group.contains(fields: fields, language: language) {
                counts[quota.id, default: 0] += count
            }
        }
        return counts
    }

    /// A contact's imported fields (a JSON object of strings).
    static func quotaFieldValues(_ json: String?) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data((json ?? "{}").utf8))) as? [String: String] ?? [:]
    }

    /// The claim's view of the field quotas, in the claim's transaction; nil when they change
    /// nothing (no field quota, none full, no balancing), so the claim runs as without quotas.
    ///
    /// When the campaign has field quotas this first takes the campaign's quota lock
    /// (`lockQuotas`), held until the claim commits: call it before reading any candidate, so two
    /// claims never both count a group one short of full and both take a contact of it.
    static func quotaClaimContext(_ conn: PGConnection, campaignID: String, now: Int64) throws -> PostgresQuotaClaimContext? {
        guard try conn.execute("SELECT 1 FROM quota WHERE campaignId = $1 AND kind = 'fields' LIMIT 1",
                               [campaignID]).first != nil else { return nil }
        return try quotaClaimContext(conn, fieldQuotasOf: campaignID, now: now)
    }

    /// `quotaClaimContext(_:campaignID:now:)` for a campaign known to have field quotas.
    static func quotaClaimContext(_ conn: PGConnection, fieldQuotasOf campaignID: String,
                                  now: Int64) throws -> PostgresQuotaClaimContext? {
        try lockQuotas(conn, campaignID: campaignID)
        let (options, language, _) = try quotaOptions(conn, campaignID: campaignID)
        guard let language else { return nil } // no quota was ever set
        let standings = options.balance
            ? try quotaStandings(conn, campaignID: campaignID, now: now, kinds: [.fieldOnly], defaultLanguage: language)
                .map(\.standing)
            : try fullness(conn, campaignID: campaignID, now: now, defaultLanguage: language)
        guard !standings.isEmpty else { return nil }
        let filter = QuotaClaimFilter(standings: standings, balancing: options.balance,
                                      dropsAppointments: options.dropAppointments)
        guard !filter.servesEveryone else { return nil }
        return PostgresQuotaClaimContext(filter: filter, defaultLanguage: language)
    }

    /// The field groups that are full now, all a claim without balancing needs (`QuotaFullness`),
    /// so the usual claim reads no contact's fields while it holds the campaign's quota lock.
    private static func fullness(_ conn: PGConnection, campaignID: String, now: Int64,
                                 defaultLanguage: String) throws -> [QuotaStanding] {
        let stored = try quotas(conn, campaignID: campaignID, fieldsOnly: true)
        guard !stored.isEmpty else { return [] }
        let held = try conn.execute("""
            SELECT count(*) FROM contact WHERE campaignId = $1 AND leaseUntil > $2 AND status <> 'done'
            """, [campaignID, now]).scalar(Int.self) ?? 0
        let completes = try completesByQuota(conn, campaignID: campaignID)
        return try QuotaFullness.fullGroups(stored.map { ($0.id, $0.quota) }, completes: completes, held: held) { ids in
            try countContacts(conn, in: stored.filter { ids.contains($0.id) }, campaignID: campaignID,
                              defaultLanguage: defaultLanguage, now: now, held: true)
        }
    }

    /// The row of the first contact `sql` yields that the quotas let be served, preferring with
    /// balancing the groups furthest from their targets among candidates with the same
    /// `nextCallAt`. `sql` selects from `contact` (at least `fields`, `language` and `nextCallAt`)
    /// and ends in `LIMIT $n OFFSET $m` with n = `arguments.count + 1`, m = n + 1. Reads in
    /// growing pages past contacts of full groups the query did not keep back itself
    /// (`PostgresQuotaClaimContext.keepBack`).
    static func firstServed(_ conn: PGConnection, sql: String, arguments: [(any PGParameter)?],
                            quotas: PostgresQuotaClaimContext?, appointments: Bool = false) throws -> PGRow? {
        guard let quotas else { return try conn.execute(sql, arguments + [1, 0]).first }
        var offset = 0, size = 32
        while true {
            let page = try conn.execute(sql, arguments + [size, offset]).rows
            let candidates = page.map { row in
                (fields: quotaFieldValues(row["fields"]), language: row["language"] ?? quotas.defaultLanguage,
                 rank: row["nextCallAt"])
            }
            if let index = quotas.filter.pick(candidates, appointments: appointments) { return page[index] }
            guard page.count == size else { return nil }
            offset += size
            size = min(size * 2, 4096)
        }
    }
}
