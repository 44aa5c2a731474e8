import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

extension AppDatabase {
    /// What replaces an erased free-text answer and an erased follow-up resolution or audit detail.
    public static let erasedText = "(erased)"

    /// Erases everything that identifies the person with `phone` (E.164) in every campaign, in one
    /// write transaction: name, number, contact fields, notes, free-text answers and follow-up
    /// notes; their scores stay, anonymous, so the statistics still count them. Unfinished cases
    /// end as refusals (AAPOR 2.11). The number goes on the do-not-call list unless `allowCalls`.
    /// Afterwards the write-ahead log is checkpointed so no earlier page image keeps the data.
    ///
    /// - Throws: `PrivacyError.inCall` when an agent's console holds one of the contacts right now,
    ///   unless `force`.
    public func forget(phone: String, actor: String, allowCalls: Bool, force: Bool, now: Int64) throws -> ForgetReport {
        var report = try write { db -> ForgetReport in
            var report = ForgetReport(phone: phone)
            let onList = try Bool.fetchOne(db, sql: "SELECT 1 FROM doNotCall WHERE phone = ?", arguments: [phone]) ?? false
            report.doNotCall = onList ? .alreadyListed : .notListed
            let rows = try Row.fetchAll(db, sql: """
                SELECT contact.id, contact.campaignId, contact.leaseAgent, contact.leaseUntil, campaign.timeZone
                FROM contact JOIN campaign ON campaign.id = contact.campaignId
                WHERE contact.phone = ? ORDER BY contact.campaignId, contact.id
                """, arguments: [phone])
            guard !rows.isEmpty else { return report }
            for row in rows {
                let agent: String? = row["leaseAgent"]
                let until: Int64? = row["leaseUntil"]
                let inCall = agent != nil && (until ?? 0) > now
                if inCall, !force {
                    // In the campaign's zone, as every other time the campaign's people see, and named.
                    let zone = TimeZone(identifier: row["timeZone"]) ?? .current
                    throw PrivacyError.inCall(phone: phone, campaignID: row["campaignId"], contactID: row["id"],
                                              agent: PrintableText.sanitize(agent ?? "?"),
                                              until: "\(TimeFormat.dateTime(until ?? now, timeZone: zone)) \(zone.identifier)")
                }
                report.erased.append(.init(contactID: row["id"], campaignID: row["campaignId"], forcedFromAgent: inCall ? agent : nil))
            }
            let ids = report.erased.map(\.contactID)
            try Self.eraseContacts(db, where: "id IN \(ids)", actor: actor, endOpenCases: true, now: now)
            for contact in report.erased {
                try Self.audit(db, actor: actor, action: "erase", entity: "contact", entityId: String(contact.contactID),
                               detail: "personal data erased at the person's request (forget)", at: now)
            }
            if onList {
                // The entry records the objection; a note an agent wrote about the person goes.
                try db.execute(sql: "UPDATE doNotCall SET note = NULL WHERE phone = ?", arguments: [phone])
            } else if !allowCalls {
                try Self.addDoNotCall(db, phone: phone, actor: actor, source: "erasure request", note: nil, now: now)
                report.doNotCall = .added
            } else {
                // Earlier do-not-call changes named the number; it is held nowhere now.
                try db.execute(sql: "UPDATE audit SET entityId = ? WHERE entity = 'phone' AND entityId = ?",
                               arguments: [Self.erasedText, phone])
            }
            return report
        }
        if !report.erased.isEmpty {
            try rebuildIndexes(holding: [("contact", "phone")] + (allowCalls ? [("audit", "entityId"), ("doNotCall", "phone")] : []))
            report.checkpoint = try checkpointLog()
        }
        return report
    }

    /// Contacts a purge erases per write transaction: about 0.25 s of work on the development machine
    /// (1,000,000 contacts in 26 s), so agents of other campaigns wait at most that long for the database.
    public static let purgeChunk = 10_000

    /// Erases the personal data of every contact of a campaign, closing the campaign first when it
    /// is not closed yet: the same erasure as `forget` except that cases keep their status, so the
    /// statistics and `export --no-pii` show the same figures afterwards.
    ///
    /// The checks, the closing and the audit line come in one transaction, then the contacts in
    /// chunks of `purgeChunk` (in id order), each its own transaction, so other campaigns' agents
    /// are not held up. The campaign is closed by then, so nothing new arrives meanwhile; contacts
    /// erased earlier are skipped, so a purge that was interrupted finishes when run again.
    ///
    /// - Parameter chunk: contacts per transaction (`purgeChunk`; tests use small ones).
    /// - Throws: `PrivacyError.openFollowUps` while follow-ups of the campaign are open,
    ///   `.campaignInCalls` while agents hold contacts of it.
    public func purgePersonalData(campaignID: String, actor: String, now: Int64,
                                  chunk: Int = purgeChunk) throws -> PurgeReport {
        var report = try write { db -> PurgeReport in
            var campaign = try Self.campaign(db, id: campaignID)
            let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM followup WHERE campaignId = ? AND resolvedAt IS NULL",
                                        arguments: [campaignID]) ?? 0
            if open > 0 { throw PrivacyError.openFollowUps(campaignID: campaignID, count: open) }
            let agents = try String.fetchAll(db, sql: """
                SELECT DISTINCT leaseAgent FROM contact
                WHERE campaignId = ? AND leaseUntil > ? AND leaseAgent IS NOT NULL ORDER BY 1
                """, arguments: [campaignID, now])
            if !agents.isEmpty { throw PrivacyError.campaignInCalls(campaignID: campaignID, agents: agents.map { PrintableText.sanitize($0) }) }
            var report = PurgeReport(campaignID: campaignID)
            if campaign.status != .closed {
                campaign.status = .closed
                campaign.closedAt = now
                try campaign.update(db)
                try Self.audit(db, actor: actor, action: Campaign.Status.closed.auditAction, entity: "campaign",
                               entityId: campaignID, at: now)
                report.closedNow = true
            }
            let counts = try Row.fetchOne(db, sql: """
                SELECT count(*) FILTER (WHERE erasedAt IS NULL), count(*) FILTER (WHERE erasedAt IS NOT NULL)
                FROM contact WHERE campaignId = ?
                """, arguments: [campaignID])!
            let remaining: Int = counts[0]
            report.erasedEarlier = counts[1]
            try Self.audit(db, actor: actor, action: "purge-pii", entity: "campaign", entityId: campaignID,
                           detail: "erasing the personal data of \(Plural.of(remaining, "contact"))", at: now)
            return report
        }
        var after: Int64 = 0
        while true {
            let (erased, upper) = try write { db -> (Int, Int64?) in
                let upper = try Int64.fetchOne(db, sql: """
                    SELECT id FROM contact WHERE id > ? AND campaignId = ? ORDER BY id LIMIT 1 OFFSET ?
                    """, arguments: [after, campaignID, max(1, chunk) - 1])
                let range: SQL = upper.map { "id > \(after) AND id <= \($0)" } ?? "id > \(after)"
                let erased = try Self.eraseContacts(db, where: "campaignId = \(campaignID) AND \(range)", actor: actor,
                                                    endOpenCases: false, now: now)
                return (erased, upper)
            }
            report.erased += erased
            guard let upper else { break }
            after = upper
        }
        try rebuildIndexes(holding: [("contact", "phone")])
        report.checkpoint = try checkpointLog()
        return report
    }

    /// Rebuilds (REINDEX) every index of `table` that has `column`, for each pair given.
    ///
    /// `secure_delete` zeroes an index entry when it is deleted, but when SQLite rebalances a
    /// b-tree page it lays the surviving entries out afresh and leaves the bytes of their earlier
    /// places in the page's unused space: a number that was indexed on such a page stays readable
    /// in the file (`strings callpulse.sqlite`) after its row was erased. A rebuilt index is
    /// written on new pages holding only what is there now, and the old pages are zeroed as they
    /// are freed. Each index is rebuilt in its own transaction, after the erasure committed, so
    /// agents' saves wait for one index at a time: measured on 1,000,000 contacts (207 MB), about
    /// 3 s for the (campaign, number) index and 2.5 s for the number index (a VACUUM of the whole
    /// file took 5 s and would lock out every reader's snapshot too).
    func rebuildIndexes(holding columns: [(table: String, column: String)]) throws {
        for (table, column) in columns {
            let indexes = try read { db in
                try String.fetchAll(db, sql: """
                    SELECT l.name FROM pragma_index_list(?) l
                    WHERE EXISTS (SELECT 1 FROM pragma_index_info(l.name) i WHERE i.name = ?)
                    ORDER BY l.name
                    """, arguments: [table, column])
            }
            for index in indexes {
                try write { db in try db.execute(sql: "REINDEX \(index.quotedDatabaseIdentifier)") }
            }
        }
    }

    /// Copies the write-ahead log back into the database file and truncates it, so the earlier
    /// images of the pages an erasure changed do not linger in the `-wal` file. When another
    /// process's read keeps it from being emptied (after the usual busy wait), a passive checkpoint
    /// copies what it can and the result says how much stays.
    func checkpointLog() throws -> WALCheckpoint {
        try exclusively {
            try writer.writeWithoutTransaction { db in
                let truncate = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                if truncate?[0] as Int? == 0 { return .emptied }
                let passive = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
                return .partial(framesLeft: passive?[1] ?? 0)
            }
        }
    }
}
