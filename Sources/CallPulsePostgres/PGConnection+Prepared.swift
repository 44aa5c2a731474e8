import CLibPQ

/// A statement with parameters run a second time on a session is prepared then and run by name
/// from there on: the server parses and analyses each SQL text once instead of at every run
/// (one that runs once, as most of `stats` and `report` do, costs no extra round trip). A console's claim and
/// call are ~20 small statements, and parsing and planning them was most of the server's work
/// (P2: `base_yyparse`, `expression_tree_walker`, `copyObjectImpl` on top of its profile).
///
/// PostgreSQL plans a prepared statement afresh for its first five runs and keeps a generic plan
/// only when it costs no more than those; the `plan_cache_mode` setting overrides that as usual.
/// A session holds at most `preparedLimit` statements: SQL written for one run (a quota's keep-back
/// list, a migration) runs unprepared once the cache is full.
extension PGConnection {
    /// How many statements one session prepares at most.
    static let preparedLimit = 500

    /// The name `sql` is prepared under on this session, preparing it on its second run; nil on
    /// its first run and when the cache is full (run it unprepared).
    func preparedName(_ sql: String, parameters: Int) throws -> String? {
        if let name = prepared[sql], !name.isEmpty { return name }
        guard prepared.count < Self.preparedLimit else { return nil }
        guard prepared[sql] != nil else {
            prepared[sql] = ""
            return nil
        }
        let handle = try liveHandle()
        preparedCount += 1
        let name = "callpulse_\(preparedCount)"
        let result = PQprepare(handle, name, sql, Int32(parameters), nil)
        defer { PQclear(result) }
        _ = try read(result)
        prepared[sql] = name
        return name
    }

    /// Stops using `sql`'s prepared statement (its result columns changed): the next run
    /// prepares it again under a new name. The old one stays on the server until the session ends.
    func forgetPrepared(_ sql: String) {
        prepared[sql] = nil
    }
}
