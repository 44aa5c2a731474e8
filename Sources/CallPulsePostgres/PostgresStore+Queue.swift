import CallPulseDomain
import CallPulseStore

/// `QueueStore` on PostgreSQL: SQLite's claim (`AppDatabase+Claim`) in one short READ COMMITTED
/// transaction, made safe for any number of consoles on any number of machines by row locks
/// instead of SQLite's single writer.
///
/// Locking: each candidate query ends in `FOR UPDATE SKIP LOCKED`, so a claim locks the contact
/// it is about to serve and passes over any contact another transaction holds (a claim in
/// flight, an agent's write, an erasure) instead of waiting for it. After the lock, PostgreSQL
/// checks the row's newest committed version against the query's conditions again, so a contact
/// another console leased (or finished) a moment ago no longer matches: two claims can never
/// serve the same contact. A claim never waits for a contact lock, so it cannot be part of a
/// deadlock over contacts; the tally rows its triggers touch (when the do-not-call or quarantine
/// check takes a contact out of the queue) may meet another writer's, and a deadlock there is
/// retried by `write`.
extension PostgresStore: QueueStore {
    public func campaignRules(id: String) throws -> Campaign {
        try read { conn in try Self.campaignRules(conn, id: id) }
    }

    public func contactTimeZones(campaignID: String, fallback: String) throws -> [String] {
        try read { conn in
            try conn.execute(SharedSQL.campaignZones, [campaignID, fallback]).rows.map { try $0.value(at: 0, as: String.self) }
        }
    }

    public func claimNext(_ claim: ClaimRequest) throws -> ClaimResult {
        let campaignID = claim.campaign.id
        return try write { conn in
            let row = try conn.execute("""
                SELECT status, EXISTS (SELECT 1 FROM quota WHERE campaignId = $1 AND kind = 'fields') AS fieldQuotas
                FROM campaign WHERE id = $1
                """, [campaignID]).first
            guard let row, let status = Campaign.Status(rawValue: try row.value(at: 0)) else {
                throw StoreError.campaignNotFound(campaignID)
            }
            if let stopped = NothingToCall(status: status) { return .nothing(stopped) }
            // Takes the campaign's quota lock when it has field quotas, held until the claim commits.
            let quotas = try row.value(at: 1, as: Bool.self)
                ? try Self.quotaClaimContext(conn, fieldQuotasOf: campaignID, now: claim.now) : nil
            for _ in 0..<200 {
                guard let (contact, reason) = try Self.nextCandidate(conn, claim, quotas: quotas) else {
                    // Something due that only the quotas keep back: say which groups are full.
                    if let quotas, !quotas.filter.fullGroups.isEmpty,
                       try Self.nextCandidate(conn, claim, quotas: nil) != nil {
                        return .nothing(.quotaFull(groups: quotas.filter.fullDescriptions))
                    }
                    return .nothing(try Self.nothingReason(conn, claim))
                }
                if try Self.blockIfNeeded(conn, contact: contact, campaign: claim.campaign, now: claim.now) { continue }
                let until = claim.now + claim.leaseSeconds
                try conn.execute("UPDATE contact SET leaseAgent = $1, leaseUntil = $2, leaseSession = $3 WHERE id = $4",
                                 [claim.holder.agent, until, claim.holder.session, contact.id])
                var leased = contact
                leased.leaseAgent = claim.holder.agent
                leased.leaseUntil = until
                return .claimed(try Self.details(conn, of: leased, reason: reason))
            }
            return .nothing(.waiting(nextCallAt: claim.now + 60, inProgress: 0, windowOpensAt: nil))
        }
    }

    /// Takes back the agent's own contact a stopped console left leased: one whose lease ran out,
    /// or whose holding console `isGone`. Contacts locked right now (a live console writing to
    /// them) are passed over.
    public func reclaimInterrupted(campaignID: String, holder: LeaseHolder, leaseSeconds: Int64, now: Int64,
                                   isGone: (String?) -> Bool) throws -> ClaimedContact? {
        try write { conn in
            let rows = try conn.execute("""
                SELECT id, leaseUntil, leaseSession FROM contact
                WHERE campaignId = $1 AND leaseUntil IS NOT NULL AND leaseAgent = $2 AND status <> 'done' AND erasedAt IS NULL
                ORDER BY leaseUntil DESC, id
                FOR UPDATE SKIP LOCKED
                """, [campaignID, holder.agent]).rows
            for row in rows {
                let until: Int64 = try row.value("leaseUntil")
                let holding: String? = try row.value("leaseSession")
                guard until <= now || (holding != holder.session && isGone(holding)) else { continue }
                let id: Int64 = try row.value("id")
                try conn.execute("UPDATE contact SET leaseUntil = $1, leaseSession = $2 WHERE id = $3",
                                 [now + leaseSeconds, holder.session, id])
                return try Self.details(conn, of: try Self.contact(conn, id: id), reason: .interrupted)
            }
            return nil
        }
    }

    /// Extends the holder's lease on a contact, also one that ran out and that nobody took since;
    /// false when the lease was lost.
    @discardableResult
    public func renewLease(contactID: Int64, holder: LeaseHolder, until: Int64) throws -> Bool {
        try write { conn in
            try conn.execute("""
                UPDATE contact SET leaseUntil = $1 WHERE id = $2 AND leaseAgent = $3 AND leaseSession IS NOT DISTINCT FROM $4
                """, [until, contactID, holder.agent, holder.session]).affectedRows == 1
        }
    }

    /// Gives a claimed contact back to the queue untouched; false, and nothing happens, when the
    /// holder no longer holds it.
    @discardableResult
    public func releaseContact(contactID: Int64, holder: LeaseHolder) throws -> Bool {
        try write { conn in
            try conn.execute("""
                UPDATE contact SET leaseAgent = NULL, leaseUntil = NULL
                WHERE id = $1 AND leaseAgent = $2 AND leaseSession IS NOT DISTINCT FROM $3
                """, [contactID, holder.agent, holder.session]).affectedRows == 1
        }
    }

    /// The next contact to serve, locked: a due appointment (the agent's own first, anyone's after
    /// the grace), else a due retry in an open zone, else a fresh published contact in an open zone.
    /// With `quotas`, contacts of full field groups are passed over (`PostgresQuotaClaimContext.keepBack`,
    /// `PostgresStore.firstServed`) and balancing picks among equal ones.
    private static func nextCandidate(_ conn: PGConnection, _ claim: ClaimRequest,
                                      quotas: PostgresQuotaClaimContext?) throws -> (Contact, ClaimedContact.Reason)? {
        let (campaign, campaignID, agent, now) = (claim.campaign, claim.campaign.id, claim.holder.agent, claim.now)
        /// `LIMIT $n OFFSET $n+1` after the query's own arguments and the quotas' (`firstServed`).
        func page(after count: Int) -> String { "LIMIT $\(count + 1) OFFSET $\(count + 2)" }
        let appointmentArguments: [(any PGParameter)?] = [campaignID, now, agent, now - claim.appointmentGrace]
        let keepBackAppointments = quotas?.keepBack(appointments: true, from: appointmentArguments.count + 1) ?? (sql: "", arguments: [])
        let appointmentQuery = appointmentArguments + keepBackAppointments.arguments
        if let row = try firstServed(conn, sql: """
            SELECT * FROM contact
            WHERE campaignId = $1 AND status = 'scheduled' AND nextCallAt <= $2
              AND appointmentAgent IS NOT NULL AND (leaseUntil IS NULL OR leaseUntil <= $2)
              AND (appointmentAgent = $3 OR nextCallAt <= $4)\(keepBackAppointments.sql)
            ORDER BY appointmentAgent = $3 DESC, nextCallAt \(page(after: appointmentQuery.count))
            FOR UPDATE SKIP LOCKED
            """, arguments: appointmentQuery, quotas: quotas, appointments: true) {
            return (try Contact(pgRow: row), .appointment)
        }
        guard !claim.openZones.isEmpty else { return nil }
        // $3 is the campaign's zone (for contacts without one), $4… the open zones.
        let zoneList = (0..<claim.openZones.count).map { "$\($0 + 4)" }.joined(separator: ", ")
        let zone = "COALESCE(timeZone, $3) IN (\(zoneList))"
        let zoneArguments: [(any PGParameter)?] = [campaignID, now, campaign.timeZone] + claim.openZones
        let keepBack = quotas?.keepBack(appointments: false, from: zoneArguments.count + 1) ?? (sql: "", arguments: [])
        let arguments = zoneArguments + keepBack.arguments
        if let row = try firstServed(conn, sql: """
            SELECT * FROM contact
            WHERE campaignId = $1 AND status = 'scheduled' AND nextCallAt <= $2
              AND appointmentAgent IS NULL AND (leaseUntil IS NULL OR leaseUntil <= $2) AND \(zone)\(keepBack.sql)
            ORDER BY nextCallAt NULLS FIRST, id \(page(after: arguments.count))
            FOR UPDATE SKIP LOCKED
            """, arguments: arguments, quotas: quotas) {
            return (try Contact(pgRow: row), .retry)
        }
        // Contacts of an import still being written are not served yet (only fresh ones exist).
        let fresh = try firstServed(conn, sql: """
            SELECT * FROM contact c
            WHERE campaignId = $1 AND status = 'new' AND (leaseUntil IS NULL OR leaseUntil <= $2) AND \(zone)
              AND \(published("c"))\(keepBack.sql)
            ORDER BY nextCallAt NULLS FIRST, id \(page(after: arguments.count))
            FOR UPDATE OF c SKIP LOCKED
            """, arguments: arguments, quotas: quotas)
        return try fresh.map { (try Contact(pgRow: $0), .fresh) }
    }

    /// Takes a contact out of the queue when `ServingCheck` says so: its number is on the
    /// do-not-call list (final, 2.11) or the person completed an interview within the quarantine
    /// (retried when it ends). The contact is locked by the claim.
    private static func blockIfNeeded(_ conn: PGConnection, contact: Contact, campaign: Campaign, now: Int64) throws -> Bool {
        guard let id = contact.id else { return true }
        // One round trip: whether the number is on the list, and (with a quarantine) when it last
        // completed an interview in another contact.
        let since = ServingCheck.quarantineStart(days: campaign.quarantineDays, now: now)
        guard let row = try conn.execute("""
            SELECT EXISTS (SELECT 1 FROM doNotCall WHERE phone = $1),
                   CASE WHEN $3::bigint IS NOT NULL THEN (
                       SELECT max(i.endedAt) FROM contact c JOIN interview i ON i.contactId = c.id
                       WHERE c.phone = $1 AND c.id <> $2 AND i.status = 'complete' AND i.endedAt > $3::bigint) END
            """, [contact.phone, id, since]).first else { return true }
        let listed = try row.value(at: 0, as: Bool.self)
        let lastComplete = listed ? nil : try row.value(at: 1, as: Int64?.self)
        switch ServingCheck.check(onDoNotCallList: listed, quarantineDays: campaign.quarantineDays,
                                  lastCompleteElsewhere: lastComplete) {
        case .serve:
            return false
        case .doNotCall:
            try conn.execute("""
                UPDATE contact SET status = 'done', disposition = $1, nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL
                WHERE id = $2
                """, [ServingCheck.doNotCallDisposition, id])
            return true
        case let .quarantined(until):
            try conn.execute("UPDATE contact SET status = 'scheduled', nextCallAt = $1 WHERE id = $2", [until, id])
            return true
        }
    }

    /// The campaign's counts when nothing could be served; `NothingToCall.reason` says why.
    private static func nothingReason(_ conn: PGConnection, _ claim: ClaimRequest) throws -> NothingToCall {
        let (campaign, campaignID, zones, now) = (claim.campaign, claim.campaign.id, claim.zones, claim.now)
        guard let row = try conn.execute("""
            SELECT count(*) FILTER (WHERE status <> 'done') AS remaining,
                   count(*) AS total,
                   count(*) FILTER (WHERE status <> 'done' AND leaseUntil > $1) AS leased,
                   min(nextCallAt) FILTER (WHERE status = 'scheduled' AND nextCallAt > $1) AS nextAt,
                   count(*) FILTER (WHERE status = 'new' OR (status = 'scheduled' AND nextCallAt <= $1)) AS due
            FROM contact c WHERE campaignId = $2 AND \(published("c"))
            """, [now, campaignID]).first
        else { throw StoreError.campaignNotFound(campaignID) }
        let tally = NothingToCall.Tally(remaining: try row.value("remaining"), total: try row.value("total"),
                                        leased: try row.value("leased"), nextAt: try row.value("nextAt"),
                                        due: try row.value("due"))
        return NothingToCall.reason(tally, campaign: campaign, zones: zones, now: now)
    }

    /// The contact card's details: earlier calls, notes, and an interview to resume. A contact
    /// never tried has neither calls nor an interview (both come with an attempt), so only its
    /// notes are read: two round trips fewer for most claims.
    static func details(_ conn: PGConnection, of contact: Contact, reason: ClaimedContact.Reason) throws -> ClaimedContact {
        let id = contact.id!
        let notes = try conn.execute("SELECT * FROM note WHERE contactId = $1 ORDER BY createdAt, id", [id])
            .records(NoteRecord.init(pgRow:))
        guard contact.attempts > 0 else {
            return ClaimedContact(contact: contact, reason: reason, calls: [], notes: notes, resumable: nil, answers: [])
        }
        let calls = try calls(conn, contactID: id)
        let resumable = try conn.execute("""
            SELECT * FROM interview WHERE contactId = $1 AND status <> 'complete' ORDER BY id DESC LIMIT 1
            """, [id]).first.map(InterviewRecord.init(pgRow:))
        let answers = try resumable.map {
            try conn.execute("SELECT * FROM answer WHERE interviewId = $1 ORDER BY id", [$0.id!])
                .records(AnswerRecord.init(pgRow:))
        } ?? []
        return ClaimedContact(contact: contact, reason: reason, calls: calls, notes: notes, resumable: resumable,
                              answers: answers)
    }

    /// The contact `id` in the caller's transaction.
    static func contact(_ conn: PGConnection, id: Int64) throws -> Contact {
        guard let row = try conn.execute("SELECT * FROM contact WHERE id = $1", [id]).first else {
            throw StoreError.contactNotFound(id)
        }
        return try Contact(pgRow: row)
    }

    /// A contact's calls, oldest first.
    static func calls(_ conn: PGConnection, contactID: Int64) throws -> [CallRecord] {
        try conn.execute("SELECT * FROM call WHERE contactId = $1 ORDER BY startedAt, id", [contactID])
            .records(CallRecord.init(pgRow:))
    }
}
