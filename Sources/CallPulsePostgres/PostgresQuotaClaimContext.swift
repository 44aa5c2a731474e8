import CallPulseDomain

/// What a claim on PostgreSQL needs of the campaign's field quotas: which contacts to keep back,
/// which to prefer (`PostgresStore.quotaClaimContext`). The SQLite engine's `QuotaClaimContext`
/// with PostgreSQL's SQL: numbered placeholders and `jsonb` instead of `json_extract`.
struct PostgresQuotaClaimContext {
    let filter: QuotaClaimFilter
    /// The `language` of a contact without one: the script's first language.
    let defaultLanguage: String

    /// ` AND NOT (…)` for each full group simple enough to say in SQL (`QuotaGroup.fieldTerms`), to
    /// append to a query on `contact`, with its placeholders numbered from `$first` on, and their
    /// arguments (to append to the query's own). `PostgresStore.firstServed` still checks every
    /// candidate, so a group this leaves out is kept back all the same. Empty for appointments
    /// unless the campaign drops them.
    func keepBack(appointments: Bool, from first: Int) -> (sql: String, arguments: [(any PGParameter)?]) {
        guard !appointments || filter.dropsAppointments else { return ("", []) }
        var sql = ""
        var arguments: [(any PGParameter)?] = []
        func placeholder(_ value: String) -> String {
            arguments.append(value)
            return "$\(first + arguments.count - 1)::text"
        }
        for standing in filter.fullGroups {
            guard let terms = standing.quota.group.fieldTerms else { continue }
            let parts = terms.map { term -> String in
                // Placeholders only: the field's key, the default language and the values are bound.
                let column = term.name == QuotaGroup.languageName
                    ? "COALESCE(language, \(placeholder(defaultLanguage)))"
                    : "(fields::jsonb ->> \(placeholder(term.name)))"
                let values = term.values.map(placeholder).joined(separator: ", ")
                return "COALESCE(\(column) IN (\(values)), false)"
            }
            sql += " AND NOT (" + parts.joined(separator: " AND ") + ")"
        }
        return (sql, arguments)
    }
}
