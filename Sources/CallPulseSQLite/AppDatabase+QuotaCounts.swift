import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

/// What a claim needs of the campaign's field quotas: which contacts to keep back, which to prefer.
struct QuotaClaimContext {
    let filter: QuotaClaimFilter
    /// The `language` of a contact without one: the script's first language.
    let defaultLanguage: String
}

extension QuotaClaimContext {
    /// ` AND NOT (…)` for each full group simple enough to say in SQL (`QuotaGroup.fieldTerms`), so
    /// the queue's query passes over its contacts in SQLite instead of reading them page by page;
    /// `firstServed` still checks every candidate, so a group this leaves out is kept back all the
    /// same. Empty for appointments unless the campaign drops them.
    func keepBack(appointments: Bool) -> (sql: String, arguments: StatementArguments) {
        guard !appointments || filter.dropsAppointments else { return ("", []) }
        var sql = ""
        var arguments = StatementArguments()
        for standing in filter.fullGroups {
            guard let terms = standing.quota.group.fieldTerms else { continue }
            let parts = terms.map { term -> String in
                // Placeholders only: the field's JSON path, the default language and the values are bound.
                let column = term.name == QuotaGroup.languageName ? "COALESCE(language, ?)" : "json_extract(fields, ?)"
                arguments += [term.name == QuotaGroup.languageName ? defaultLanguage : "$.\(term.name)"]
                arguments += StatementArguments(term.values)
                return "COALESCE(\(column) IN (\(term.values.map { _ in "?" }.joined(separator: ", "))), 0)"
            }
            sql += " AND NOT (" + parts.joined(separator: " AND ") + ")"
        }
        return (sql, arguments)
    }
}

extension AppDatabase {
    /// Each quota's standing, counted in the caller's transaction: completes from `quotaInterview`;
    /// in progress, for a field group, its contacts a console holds now (on a card or in an
    /// interview), for an answer group, running interviews (still leased) holding a place in it,
    /// other than `excluding`. `withSample` also counts each field group's contacts left.
    static func quotaStandings(_ db: Database, campaignID: String, now: Int64, kinds: Set<QuotaKind> = Set(QuotaKind.allCases),
                               excluding interviewID: Int64? = nil, withSample: Bool = false,
                               defaultLanguage known: String?? = nil,
                               version: Int64? = nil) throws -> [(id: Int64, standing: QuotaStanding)] {
        let stored = try quotas(db, campaignID: campaignID, fieldsOnly: kinds == [.fieldOnly], version: version)
            .filter { kinds.contains($0.quota.group.kind) }
        guard !stored.isEmpty else { return [] }
        let completes = try completesByQuota(db, campaignID: campaignID)
        let defaultLanguage = try known ?? quotaOptions(db, campaignID: campaignID).defaultLanguage
        let fieldQuotas = stored.filter { $0.quota.group.kind == .fieldOnly }
        let held = try countContacts(db, in: fieldQuotas, campaignID: campaignID, defaultLanguage: defaultLanguage,
                                     now: now, held: true)
        let left = withSample ? try countContacts(db, in: fieldQuotas, campaignID: campaignID,
                                                  defaultLanguage: defaultLanguage, now: now, held: false) : [:]
        return try stored.map { quota in
            let inProgress = quota.quota.group.kind == .fieldOnly ? held[quota.id] ?? 0 : try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM quotaInterview qi JOIN interview i ON i.id = qi.interviewId JOIN contact c ON c.id = i.contactId
                WHERE qi.quotaId = ? AND qi.complete = 0 AND i.status = 'active' AND c.leaseUntil > ? AND i.id IS NOT ?
                """), arguments: [quota.id, now, interviewID]) ?? 0
            return (quota.id, QuotaStanding(quota: quota.quota, completes: completes[quota.id] ?? 0, inProgress: inProgress,
                                            contactsLeft: withSample && quota.quota.group.kind == .fieldOnly ? left[quota.id] ?? 0 : nil))
        }
    }

    /// Each of the campaign's quotas' complete interviews counted in it (absent: none).
    private static func completesByQuota(_ db: Database, campaignID: String) throws -> [Int64: Int] {
        var completes: [Int64: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT qi.quotaId, count(*) FROM quota q JOIN quotaInterview qi ON qi.quotaId = q.id
            WHERE q.campaignId = ? AND qi.complete = 1 GROUP BY qi.quotaId
            """), arguments: [campaignID]) {
            completes[row[0]] = row[1]
        }
        return completes
    }

    /// The contacts of each field group a console holds now (`held`), or still to be worked (not
    /// finished, not held, not in an import still staging). SQLite reads only the fields the groups
    /// use and counts each combination of their values once, so a campaign of a million contacts
    /// is one pass in C and a few evaluations here, not a million decoded rows.
    private static func countContacts(_ db: Database, in quotas: [StoredQuota], campaignID: String, defaultLanguage: String?,
                                      now: Int64, held: Bool) throws -> [Int64: Int] {
        guard !quotas.isEmpty else { return [:] }
        let names = quotas.reduce(into: Set<String>()) { $0.formUnion($1.quota.group.fieldNames) }
            .subtracting([QuotaGroup.languageName]).sorted()
        // One placeholder per field read, and one GROUP BY position per column: no value is pasted in.
        let columns = (names.map { _ in "json_extract(fields, ?)" } + ["language"]).joined(separator: ", ")
        let positions = (1...(names.count + 1)).map(String.init).joined(separator: ", ")
        let scope = held ? "leaseUntil > ? AND status != 'done'"
            : "status != 'done' AND (leaseUntil IS NULL OR leaseUntil <= ?) AND id < ?"
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(columns), count(*) FROM contact WHERE campaignId = ? AND \(scope) GROUP BY \(positions)
            """), arguments: StatementArguments(names.map { "$.\($0)" }) + [campaignID, now]
                + (held ? [] : [try firstStagedContactID(db)]))
        var counts: [Int64: Int] = [:]
        for row in rows {
            var fields: [String: String] = [:]
            for (index, name) in names.enumerated() {
                if let value = row[index] as String? { fields[name] = value }
            }
            let language: String? = row[names.count] ?? defaultLanguage
            let count: Int = row[names.count + 1]
            for quota in quotas where quota.quota.group.contains(fields: fields, language: language) {
                counts[quota.id, default: 0] += count
            }
        }
        return counts
    }

    /// A contact's imported fields (a JSON object of strings). JSONSerialization, not JSONDecoder:
    /// the claim reads a page of contacts when balancing, and it is several times faster here.
    private static func fieldValues(_ json: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] ?? [:]
    }

    /// The claim's view of the field quotas; nil when they change nothing (no field quota, none
    /// full, no balancing), so the claim runs as without quotas.
    static func quotaClaimContext(_ db: Database, campaignID: String, now: Int64) throws -> QuotaClaimContext? {
        let (options, language, version) = try quotaOptions(db, campaignID: campaignID)
        guard let language else { return nil } // no quota was ever set
        let standings = options.balance
            ? try quotaStandings(db, campaignID: campaignID, now: now, kinds: [.fieldOnly], defaultLanguage: language,
                                 version: version).map(\.standing)
            : try fullness(db, campaignID: campaignID, now: now, defaultLanguage: language, version: version)
        guard !standings.isEmpty else { return nil }
        let filter = QuotaClaimFilter(standings: standings, balancing: options.balance,
                                      dropsAppointments: options.dropAppointments)
        guard !filter.servesEveryone else { return nil }
        return QuotaClaimContext(filter: filter, defaultLanguage: language)
    }

    /// The field groups that are full now, all a claim without balancing needs (`QuotaFullness`):
    /// completes from `quotaInterview`, one count of the held contacts, and `countContacts` only
    /// for a group within reach of its target.
    private static func fullness(_ db: Database, campaignID: String, now: Int64, defaultLanguage: String,
                                 version: Int64) throws -> [QuotaStanding] {
        let stored = try quotas(db, campaignID: campaignID, fieldsOnly: true, version: version)
        guard !stored.isEmpty else { return [] }
        let held = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM contact WHERE campaignId = ? AND leaseUntil > ? AND status != 'done'
            """), arguments: [campaignID, now]) ?? 0
        let completes = try completesByQuota(db, campaignID: campaignID)
        return try QuotaFullness.fullGroups(stored.map { ($0.id, $0.quota) }, completes: completes, held: held) { ids in
            try countContacts(db, in: stored.filter { ids.contains($0.id) }, campaignID: campaignID,
                              defaultLanguage: defaultLanguage, now: now, held: true)
        }
    }

    /// The first contact `sql` (ending in `LIMIT ? OFFSET ?`) yields that the quotas let be served,
    /// preferring with balancing the groups furthest from their targets among candidates with the
    /// same `nextCallAt`. Reads in growing pages past contacts of full groups the query did not
    /// keep back itself (`QuotaClaimContext.keepBack`).
    static func firstServed(_ db: Database, sql: String, arguments: StatementArguments, quotas: QuotaClaimContext?,
                            appointments: Bool = false) throws -> Contact? {
        let statement = try db.cachedStatement(sql: sql)
        guard let quotas else { return try Contact.fetchOne(statement, arguments: arguments + [1, 0]) }
        var offset = 0, size = 32
        while true {
            let page = try Contact.fetchAll(statement, arguments: arguments + [size, offset])
            let candidates = page.map { (fields: fieldValues($0.fields), language: $0.language ?? quotas.defaultLanguage,
                                         rank: $0.nextCallAt) }
            if let index = quotas.filter.pick(candidates, appointments: appointments) { return page[index] }
            guard page.count == size else { return nil }
            offset += size
            size = min(size * 2, 4096)
        }
    }

    /// After an answer: ends nothing itself, but decides (`QuotaCheck.decide`) whether the answers
    /// put the interview in a full answer group, and otherwise holds its place in the answer groups
    /// it is in, in one transaction so two consoles never both take a group's last place. Only
    /// while `holder` holds the contact's lease (`StoreError.leaseLost` if not).
    ///
    /// - Parameter resuming: the first check of an interview taken up again: the places it held
    ///   before it broke off were not counted meanwhile, so every group is checked afresh.
    public func holdQuotaPlaces(interviewID: Int64, contactID: Int64, holder: LeaseHolder, language: String,
                                answers: [String: AnswerValue], resuming: Bool = false,
                                now: Int64) throws -> QuotaCheck.Decision {
        // A place lost in a power cut only loosens the count, as a lost lease does: not synced on its own.
        try writeUnsynced { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            let contact = try Self.contact(db, id: contactID)
            let standings = try Self.quotaStandings(db, campaignID: contact.campaignId, now: now, kinds: [.answerOnly, .both],
                                                    excluding: interviewID)
            guard !standings.isEmpty else { return .hold([]) }
            let holding = resuming ? [] : Set(try String.fetchAll(db, sql: """
                SELECT q.name FROM quotaInterview qi JOIN quota q ON q.id = qi.quotaId WHERE qi.interviewId = ? AND qi.complete = 0
                """, arguments: [interviewID]))
            let decision = QuotaCheck.decide(standings.map(\.standing), holding: holding, fields: contact.fieldValues,
                                             language: language, answers: answers)
            try db.execute(sql: "DELETE FROM quotaInterview WHERE interviewId = ? AND complete = 0", arguments: [interviewID])
            if case let .hold(names) = decision {
                for (id, standing) in standings where names.contains(standing.quota.name) {
                    try db.execute(sql: "INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES (?, ?, 0)",
                                   arguments: [id, interviewID])
                }
            }
            return decision
        }
    }

    /// Counts a complete interview in every quota group its contact's fields and its answers put
    /// it in (called in the transaction that completes it). Over the target it still counts.
    static func countInQuotas(_ db: Database, interviewID: Int64) throws {
        try db.execute(sql: "DELETE FROM quotaInterview WHERE interviewId = ?", arguments: [interviewID])
        guard let row = try Row.fetchOne(db, sql: """
            SELECT i.campaignId, i.language, c.fields FROM interview i JOIN contact c ON c.id = i.contactId WHERE i.id = ?
            """, arguments: [interviewID]) else { return }
        let stored = try quotas(db, campaignID: row["campaignId"])
        guard !stored.isEmpty else { return }
        let answers = try storedAnswers(db, interviewID: interviewID)
        let counted = Set(QuotaCheck.countedIn(stored.map(\.quota), fields: fieldValues(row["fields"]), language: row["language"],
                                               answers: answers).map(\.name))
        for quota in stored where counted.contains(quota.quota.name) {
            try db.execute(sql: "INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES (?, ?, 1)",
                           arguments: [quota.id, interviewID])
        }
    }

    /// Counts the campaign's complete interviews in a quota added or redefined now.
    static func countCompletes(_ db: Database, in quota: StoredQuota, campaignID: String) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.language, c.fields FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE i.campaignId = ? AND i.status = 'complete'
            """, arguments: [campaignID])
        for row in rows {
            let id: Int64 = row["id"]
            let answers = quota.quota.group.answerNames.isEmpty ? [:] : try storedAnswers(db, interviewID: id)
            guard quota.quota.group.contains(fields: fieldValues(row["fields"]), language: row["language"], answers: answers)
            else { continue }
            try db.execute(sql: "INSERT INTO quotaInterview (quotaId, interviewId, complete) VALUES (?, ?, 1)",
                           arguments: [quota.id, id])
        }
    }

    /// An interview's real answers (not skipped, don't know or refused), by question id.
    private static func storedAnswers(_ db: Database, interviewID: Int64) throws -> [String: AnswerValue] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT questionId, value FROM answer WHERE interviewId = ? AND value IS NOT NULL AND special IS NULL
            """, arguments: [interviewID])
        return rows.reduce(into: [:]) { answers, row in
            if let value = AnswerCodec.decode(row["value"]) { answers[row["questionId"]] = value }
        }
    }
}
