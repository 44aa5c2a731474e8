import CallPulseDomain
import CallPulseStore
import Foundation

/// Privacy on PostgreSQL: the do-not-call list, `forget` and the purge of a closed campaign, each
/// erasing what the SQLite store erases (`AppDatabase+Erasure`, `+EraseContacts`), then making
/// the table files stop holding the erased values.
///
/// An UPDATE or DELETE leaves the old row version in the table file (and its index entries) until
/// it is vacuumed, and a plain VACUUM only marks the space free: the bytes stay readable in the
/// file. So after the erasure commits, the tables it changed are rewritten with `VACUUM (FULL)`
/// (new files holding only live rows, indexes rebuilt, the old files truncated at once and removed
/// at the next checkpoint), `contactStaging` with them (deleted staging rows of past imports hold
/// numbers too). VACUUM FULL locks each table (ACCESS EXCLUSIVE) while it is rewritten, so
/// agents' saves wait for it; it copies row versions some open snapshot may still see, so a
/// transaction left open elsewhere keeps the old version until a later run.
///
/// Not covered, as on any PostgreSQL: the WAL segments in `pg_wal` (until recycled after
/// checkpoints), WAL archives, streaming standbys (they replay the erasure and the rewrite, but
/// their own WAL and archives keep the earlier records) and backups all keep the erased data.
extension PostgresStore {
    /// What replaces an erased free-text answer and an erased follow-up resolution or audit detail.
    static let erasedText = "(erased)"

    /// Contacts a purge erases per write transaction, as on SQLite.
    public static let purgeChunk = 10_000

    public func addToDoNotCall(_ phones: [String], actor: String, source: String, note: String?,
                               now: Int64) throws -> DoNotCallChange {
        try write { connection in
            var change = DoNotCallChange()
            for phone in phones {
                if try Self.addDoNotCall(connection, phone: phone, actor: actor, source: source, note: note, now: now) {
                    change.changed.append(phone)
                } else {
                    change.unchanged.append(phone)
                }
            }
            return change
        }
    }

    public func removeFromDoNotCall(_ phones: [String], actor: String, now: Int64) throws -> DoNotCallChange {
        try write { connection in
            var change = DoNotCallChange()
            for phone in phones {
                let removed = try connection.execute("DELETE FROM doNotCall WHERE phone = $1", [phone]).affectedRows
                guard removed == 1 else {
                    change.unchanged.append(phone)
                    continue
                }
                change.changed.append(phone)
                try Self.audit(connection, actor: actor, action: "dnc-remove", entity: "phone", entityId: phone, at: now)
            }
            return change
        }
    }

    public func doNotCallEntries() throws -> [DoNotCallEntry] {
        try read { connection in
            try connection.execute("""
                SELECT phone, addedAt, addedBy, source, note FROM doNotCall ORDER BY phone COLLATE "C"
                """).rows.map {
                DoNotCallEntry(phone: try $0.value(at: 0), addedAt: try $0.value(at: 1), addedBy: try $0.value(at: 2),
                               source: try $0.value(at: 3), note: try $0.value(at: 4))
            }
        }
    }

    /// Erases everything that identifies the person with `phone` in every campaign, in one write
    /// transaction that first locks the contacts (`FOR UPDATE`, which the erasure guards wait
    /// for), then rewrites the tables it changed (see the type's comment).
    ///
    /// - Throws: `PrivacyError.inCall` when an agent's console holds one of the contacts right now, unless `force`.
    public func forget(phone: String, actor: String, allowCalls: Bool, force: Bool, now: Int64) throws -> ForgetReport {
        var touched: Set<String> = []
        var erasure: Int64 = 0
        var report = try write { connection -> ForgetReport in
            touched = []
            erasure = try connection.execute("SELECT txid_current()").scalar(Int64.self) ?? 0
            var report = ForgetReport(phone: phone)
            let onList = try !connection.execute("SELECT 1 FROM doNotCall WHERE phone = $1", [phone]).rows.isEmpty
            report.doNotCall = onList ? .alreadyListed : .notListed
            let rows = try connection.execute("""
                SELECT contact.id, contact.campaignId, contact.leaseAgent, contact.leaseUntil, campaign.timeZone
                FROM contact JOIN campaign ON campaign.id = contact.campaignId
                WHERE contact.phone = $1 ORDER BY contact.campaignId COLLATE "C", contact.id
                FOR UPDATE OF contact
                """, [phone]).rows
            guard !rows.isEmpty else { return report }
            for row in rows {
                let id: Int64 = try row.value(at: 0), campaignID: String = try row.value(at: 1)
                let agent = row[2]
                let until = try row.value(at: 3, as: Int64?.self)
                let inCall = agent != nil && (until ?? 0) > now
                if inCall, !force {
                    let zone = TimeZone(identifier: row[4] ?? "") ?? .current
                    throw PrivacyError.inCall(phone: phone, campaignID: campaignID, contactID: id,
                                              agent: PrintableText.sanitize(agent ?? "?"),
                                              until: "\(TimeFormat.dateTime(until ?? now, timeZone: zone)) \(zone.identifier)")
                }
                report.erased.append(.init(contactID: id, campaignID: campaignID, forcedFromAgent: inCall ? agent : nil))
            }
            let ids = report.erased.map(\.contactID)
            let (_, tables) = try Self.eraseContacts(connection, ids: ids, actor: actor, endOpenCases: true, now: now)
            touched = tables
            for contact in report.erased {
                try Self.audit(connection, actor: actor, action: "erase", entity: "contact",
                               entityId: String(contact.contactID),
                               detail: "personal data erased at the person's request (forget)", at: now)
            }
            if onList {
                // The entry records the objection; a note an agent wrote about the person goes.
                if try connection.execute("UPDATE doNotCall SET note = NULL WHERE phone = $1 AND note IS NOT NULL",
                                          [phone]).affectedRows > 0 {
                    touched.insert("doNotCall")
                }
            } else if !allowCalls {
                _ = try Self.addDoNotCall(connection, phone: phone, actor: actor, source: "erasure request", note: nil, now: now)
                report.doNotCall = .added
            } else {
                // Earlier do-not-call changes named the number; it is held nowhere now.
                if try connection.execute("UPDATE audit SET entityId = $1 WHERE entity = 'phone' AND entityId = $2",
                                          [Self.erasedText, phone]).affectedRows > 0 {
                    touched.insert("audit")
                }
                touched.insert("doNotCall")
            }
            return report
        }
        if !report.erased.isEmpty { report.checkpoint = try rewriteTables(touched, after: erasure) }
        return report
    }

    public func purgePersonalData(campaignID: String, actor: String, now: Int64) throws -> PurgeReport {
        try purgePersonalData(campaignID: campaignID, actor: actor, now: now, chunk: Self.purgeChunk)
    }

    /// Erases the personal data of every contact of a campaign, closing it first when it is not
    /// closed yet, as the SQLite store does: checks, closing and audit line in one transaction,
    /// then the contacts in chunks of `chunk` (in id order, each chunk locked `FOR UPDATE`, one
    /// transaction each), then the rewrite of the tables it changed.
    ///
    /// - Throws: `PrivacyError.openFollowUps` while follow-ups of the campaign are open,
    ///   `.campaignInCalls` while agents hold contacts of it, `StoreError.campaignNotFound`.
    public func purgePersonalData(campaignID: String, actor: String, now: Int64, chunk: Int) throws -> PurgeReport {
        var report = try write { connection -> PurgeReport in
            guard let status = try connection.execute("SELECT status FROM campaign WHERE id = $1 FOR UPDATE", [campaignID])
                .scalar(String.self) else { throw StoreError.campaignNotFound(campaignID) }
            let open = try connection.execute("""
                SELECT count(*) FROM followup WHERE campaignId = $1 AND resolvedAt IS NULL
                """, [campaignID]).scalar(Int.self) ?? 0
            if open > 0 { throw PrivacyError.openFollowUps(campaignID: campaignID, count: open) }
            let agents: [String] = try connection.execute("""
                SELECT DISTINCT leaseAgent COLLATE "C" FROM contact
                WHERE campaignId = $1 AND leaseUntil > $2::bigint AND leaseAgent IS NOT NULL ORDER BY 1
                """, [campaignID, now]).rows.map { try $0.value(at: 0) }
            if !agents.isEmpty {
                throw PrivacyError.campaignInCalls(campaignID: campaignID, agents: agents.map { PrintableText.sanitize($0) })
            }
            var report = PurgeReport(campaignID: campaignID)
            if status != "closed" {
                try connection.execute("UPDATE campaign SET status = 'closed', closedAt = $1::bigint WHERE id = $2",
                                       [now, campaignID])
                try Self.audit(connection, actor: actor, action: "close", entity: "campaign", entityId: campaignID, at: now)
                report.closedNow = true
            }
            let counts = try connection.execute("""
                SELECT count(*) FILTER (WHERE erasedAt IS NULL), count(*) FILTER (WHERE erasedAt IS NOT NULL)
                FROM contact WHERE campaignId = $1
                """, [campaignID]).rows.first
            let remaining = try counts?.int(0) ?? 0
            report.erasedEarlier = try counts?.int(1) ?? 0
            try Self.audit(connection, actor: actor, action: "purge-pii", entity: "campaign", entityId: campaignID,
                           detail: "erasing the personal data of \(Plural.of(remaining, "contact"))", at: now)
            return report
        }
        var after: Int64 = 0
        var touched: Set<String> = []
        var erasure: Int64 = 0
        while true {
            let (erased, last, tables) = try write { connection -> (Int, Int64?, Set<String>) in
                erasure = try connection.execute("SELECT txid_current()").scalar(Int64.self) ?? 0
                let ids: [Int64] = try connection.execute("""
                    SELECT id FROM contact WHERE campaignId = $1 AND id > $2::bigint ORDER BY id LIMIT $3::bigint FOR UPDATE
                    """, [campaignID, after, max(1, chunk)]).rows.map { try $0.value(at: 0) }
                guard let last = ids.last else { return (0, nil, []) }
                let (erased, tables) = try Self.eraseContacts(connection, ids: ids, actor: actor, endOpenCases: false, now: now)
                return (erased, last, tables)
            }
            report.erased += erased
            touched.formUnion(tables)
            guard let last else { break }
            after = last
        }
        if report.erased > 0 { report.checkpoint = try rewriteTables(touched, after: erasure) }
        return report
    }

    /// Erases, in the caller's transaction, the personal data of the contacts `ids` not erased
    /// yet, exactly as the SQLite store's `eraseContacts`; the contacts must be locked already.
    /// Returns how many were erased and which tables had rows changed.
    private static func eraseContacts(_ connection: PGConnection, ids: [Int64], actor: String, endOpenCases: Bool,
                                      now: Int64) throws -> (Int, Set<String>) {
        let idList = "{" + ids.map(String.init).joined(separator: ",") + "}"
        let contacts = "SELECT id FROM contact WHERE erasedAt IS NULL AND id = ANY($1::bigint[])"
        let interviews = "SELECT id FROM interview WHERE contactId IN (\(contacts))"
        var touched: Set<String> = []
        func run(_ table: String, _ sql: String, _ more: [(any PGParameter)?] = []) throws {
            if try connection.execute(sql, [idList] + more).affectedRows > 0 { touched.insert(table) }
        }
        let erasedAnswer = try AnswerCodec.encode(.text(erasedText))
        try run("answer", """
            UPDATE answer SET value = $2
            WHERE interviewId IN (\(interviews)) AND left(ltrim(value, E' \\t\\r\\n'), 1) = '"'
            """, [erasedAnswer])
        // "nps_reason: "old words" → "new words"" keeps "nps_reason:"; "nps: 3 → 7" stays as it is.
        try run("audit", """
            UPDATE audit SET detail = substr(detail, 1, strpos(detail, ':')) || ' ' || $2
            WHERE entity = 'interview' AND action = 'change-answer'
              AND entityId IN (SELECT id::text FROM (\(interviews)) s)
              AND (detail LIKE '%: "%' OR detail LIKE '%→ "%')
            """, [erasedText])
        try run("note", "DELETE FROM note WHERE contactId IN (\(contacts))")
        try run("call", "UPDATE call SET note = NULL WHERE note IS NOT NULL AND contactId IN (\(contacts))")
        let followUps = "SELECT id FROM followup WHERE contactId IN (\(contacts))"
        try run("audit", """
            UPDATE audit SET detail = $2
            WHERE entity = 'followup' AND detail IS NOT NULL AND entityId IN (SELECT id::text FROM (\(followUps)) s)
            """, [erasedText])
        try run("followup", """
            UPDATE followup SET resolutionNote = $2 WHERE resolutionNote IS NOT NULL AND contactId IN (\(contacts))
            """, [erasedText])
        if endOpenCases {
            let closing = "closed: the person's data was erased"
            try run("audit", """
                INSERT INTO audit (at, actor, action, entity, entityId, detail)
                SELECT $2::bigint, $3, 'resolve', 'followup', id::text, $4
                FROM followup WHERE resolvedAt IS NULL AND contactId IN (\(contacts))
                """, [now, actor, closing])
            try run("followup", """
                UPDATE followup SET resolvedAt = $2::bigint, resolvedBy = $3, resolutionNote = $4
                WHERE resolvedAt IS NULL AND contactId IN (\(contacts))
                """, [now, actor, closing])
        }
        let endCase = endOpenCases
            ? ", status = 'done', disposition = CASE WHEN status = 'done' THEN disposition ELSE '2.11' END, nextCallAt = NULL"
            : ""
        let erased = try connection.execute("""
            UPDATE contact SET phone = 'erased #' || id, phoneRegion = NULL, name = NULL, firstName = NULL, lastName = NULL,
                               timeZone = NULL, fields = '{}', appointmentAgent = NULL, appointmentNote = NULL,
                               leaseAgent = NULL, leaseUntil = NULL, importLine = NULL, erasedAt = $2::bigint \(endCase)
            WHERE erasedAt IS NULL AND id = ANY($1::bigint[])
            """, [idList, now]).affectedRows
        if erased > 0 { touched.insert("contact") }
        return (Int(erased), touched)
    }

    /// Rewrites `tables`, `contact` and `contactStaging` with `VACUUM (FULL)` (outside any
    /// transaction), so their files hold only the rows as they are now. A rewrite keeps the row
    /// versions a running snapshot may still read, and every snapshot, its own included, counts
    /// a transaction still running in any database of the server as running. So it first waits
    /// (up to `snapshotWait`, then rewrites anyway) until no session of this database holds a
    /// snapshot taken before `erasure` (the erasing transaction's id) committed and no
    /// transaction that started before it runs anywhere on the server (measured: a `CREATE
    /// DATABASE` elsewhere was enough to keep the erased row versions). A session it may not see
    /// (another user's, without `pg_read_all_stats`) is not waited for. Says whether older
    /// transactions still ran, so the report can tell the operator what is left to do.
    private func rewriteTables(_ tables: Set<String>, after erasure: Int64) throws -> WALCheckpoint {
        let deadline = Date().addingTimeInterval(snapshotWait)
        var older = 0
        while true {
            older = try withConnection { connection in
                try connection.execute("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE pid <> pg_backend_pid()
                      AND ((datname = current_database() AND backend_xmin::text::bigint <= ($1::bigint % 4294967296))
                           OR backend_xid::text::bigint < ($1::bigint % 4294967296))
                    """, [erasure]).scalar(Int.self) ?? 0
            }
            if older == 0 || Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let all = tables.union(["contact", "contactStaging"]).sorted()
        _ = try withConnection { try $0.execute("VACUUM (FULL) \(all.joined(separator: ", "))") }
        return older == 0 ? .tablesRewritten : .tablesRewrittenBehind(olderTransactions: older, tables: all)
    }
}
