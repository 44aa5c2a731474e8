import CallPulseDomain
import CallPulseStore
import GRDB

/// The queue's SQL: one claim in one short transaction (see `ContactQueue` for the order contacts
/// are served in), and taking back an interrupted contact.
extension AppDatabase {
    public func campaignRules(id: String) throws -> Campaign {
        try read { try Self.campaignRules($0, id: id) }
    }

    public func contactTimeZones(campaignID: String, fallback: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: SharedSQL.campaignZones, arguments: [campaignID, fallback])
        }
    }

    public func claimNext(_ claim: ClaimRequest) throws -> ClaimResult {
        let campaignID = claim.campaign.id
        return try writeUnsynced { db in
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM campaign WHERE id = ?"),
                                             arguments: [campaignID])
            guard let status = status.flatMap(Campaign.Status.init(rawValue:)) else {
                throw StoreError.campaignNotFound(campaignID)
            }
            if let stopped = NothingToCall(status: status) { return .nothing(stopped) }
            let quotas = try Self.quotaClaimContext(db, campaignID: campaignID, now: claim.now)
            for _ in 0..<200 {
                guard let (contact, reason) = try Self.nextCandidate(db, claim, quotas: quotas) else {
                    // Something due that only the quotas keep back: say which groups are full.
                    if let quotas, !quotas.filter.fullGroups.isEmpty, try Self.nextCandidate(db, claim, quotas: nil) != nil {
                        return .nothing(.quotaFull(groups: quotas.filter.fullDescriptions))
                    }
                    return .nothing(try Self.nothingReason(db, claim))
                }
                if try Self.blockIfNeeded(db, contact: contact, campaign: claim.campaign, now: claim.now) { continue }
                let until = claim.now + claim.leaseSeconds
                try db.cachedStatement(sql: "UPDATE contact SET leaseAgent = ?, leaseUntil = ?, leaseSession = ? WHERE id = ?")
                    .execute(arguments: [claim.holder.agent, until, claim.holder.session, contact.id])
                var leased = contact
                leased.leaseAgent = claim.holder.agent
                leased.leaseUntil = until
                return .claimed(try Self.details(db, of: leased, reason: reason))
            }
            return .nothing(.waiting(nextCallAt: claim.now + 60, inProgress: 0, windowOpensAt: nil))
        }
    }

    public func reclaimInterrupted(campaignID: String, holder: LeaseHolder, leaseSeconds: Int64, now: Int64,
                                   isGone: (String?) -> Bool) throws -> ClaimedContact? {
        try writeUnsynced { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, leaseUntil, leaseSession FROM contact
                WHERE campaignId = ? AND leaseUntil IS NOT NULL AND leaseAgent = ? AND status != 'done' AND erasedAt IS NULL
                ORDER BY leaseUntil DESC, id
                """, arguments: [campaignID, holder.agent])
            for row in rows {
                let until: Int64 = row["leaseUntil"]
                let holding: String? = row["leaseSession"]
                guard until <= now || (holding != holder.session && isGone(holding)) else { continue }
                let id: Int64 = row["id"]
                try db.execute(sql: "UPDATE contact SET leaseUntil = ?, leaseSession = ? WHERE id = ?",
                               arguments: [now + leaseSeconds, holder.session, id])
                return try Self.details(db, of: try Self.contact(db, id: id), reason: .interrupted)
            }
            return nil
        }
    }

    /// The next contact to serve; with `quotas`, contacts of full field groups are passed over
    /// (`QuotaClaimContext.keepBack`, `AppDatabase.firstServed`) and balancing picks among equal ones.
    private static func nextCandidate(_ db: Database, _ claim: ClaimRequest,
                                      quotas: QuotaClaimContext?) throws -> (Contact, ClaimedContact.Reason)? {
        let (campaign, campaignID, agent, now) = (claim.campaign, claim.campaign.id, claim.holder.agent, claim.now)
        let (openZones, appointmentGrace) = (claim.openZones, claim.appointmentGrace)
        let keepBack = quotas?.keepBack(appointments: false) ?? (sql: "", arguments: [])
        let keepBackAppointments = quotas?.keepBack(appointments: true) ?? (sql: "", arguments: [])
        let appointment = try firstServed(db, sql: """
            SELECT * FROM contact
            WHERE campaignId = ? AND status = 'scheduled' AND nextCallAt <= ?
              AND appointmentAgent IS NOT NULL AND (leaseUntil IS NULL OR leaseUntil <= ?)
              AND (appointmentAgent = ? OR nextCallAt <= ?)\(keepBackAppointments.sql)
            ORDER BY appointmentAgent = ? DESC, nextCallAt LIMIT ? OFFSET ?
            """, arguments: [campaignID, now, now, agent, now - appointmentGrace] + keepBackAppointments.arguments + [agent],
            quotas: quotas, appointments: true)
        if let appointment { return (appointment, .appointment) }
        guard !openZones.isEmpty else { return nil }
        // One placeholder per open zone: the statement is cached per number of zones.
        let zoneList = Array(repeating: "?", count: openZones.count).joined(separator: ", ")
        let zone = "COALESCE(timeZone, ?) IN (\(zoneList))"
        let zoneArguments = StatementArguments([campaign.timeZone] + openZones)
        let retry = try firstServed(db, sql: """
            SELECT * FROM contact
            WHERE campaignId = ? AND status = 'scheduled' AND nextCallAt <= ?
              AND appointmentAgent IS NULL AND (leaseUntil IS NULL OR leaseUntil <= ?) AND \(zone)\(keepBack.sql)
            ORDER BY nextCallAt LIMIT ? OFFSET ?
            """, arguments: [campaignID, now, now] + zoneArguments + keepBack.arguments, quotas: quotas)
        if let retry { return (retry, .retry) }
        // Contacts of an import still being written are not served yet (only fresh ones exist).
        let fresh = try firstServed(db, sql: """
            SELECT * FROM contact
            WHERE campaignId = ? AND status = 'new' AND id < ? AND (leaseUntil IS NULL OR leaseUntil <= ?) AND \(zone)\(keepBack.sql)
            ORDER BY nextCallAt, id LIMIT ? OFFSET ?
            """, arguments: [campaignID, try firstStagedContactID(db), now] + zoneArguments + keepBack.arguments,
            quotas: quotas)
        return fresh.map { ($0, .fresh) }
    }

    /// Takes a contact out of the queue when `ServingCheck` says so: its number is on the
    /// do-not-call list (final, 2.11) or the person completed an interview within the quarantine
    /// (retried when it ends).
    private static func blockIfNeeded(_ db: Database, contact: Contact, campaign: Campaign, now: Int64) throws -> Bool {
        guard let id = contact.id else { return true }
        let listed = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM doNotCall WHERE phone = ?"),
                                       arguments: [contact.phone]) == true
        let since = listed ? nil : ServingCheck.quarantineStart(days: campaign.quarantineDays, now: now)
        let lastComplete = try since.flatMap { since in
            try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT max(i.endedAt) FROM contact c JOIN interview i ON i.contactId = c.id
                WHERE c.phone = ? AND c.id != ? AND i.status = 'complete' AND i.endedAt > ?
                """), arguments: [contact.phone, id, since])
        }
        switch ServingCheck.check(onDoNotCallList: listed, quarantineDays: campaign.quarantineDays,
                                  lastCompleteElsewhere: lastComplete) {
        case .serve:
            return false
        case .doNotCall:
            try db.execute(sql: """
                UPDATE contact SET status = 'done', disposition = ?, nextCallAt = NULL, leaseAgent = NULL, leaseUntil = NULL
                WHERE id = ?
                """, arguments: [ServingCheck.doNotCallDisposition, id])
            return true
        case let .quarantined(until):
            try db.execute(sql: "UPDATE contact SET status = 'scheduled', nextCallAt = ? WHERE id = ?", arguments: [until, id])
            return true
        }
    }

    /// The campaign's counts when nothing could be served; `NothingToCall.reason` says why.
    private static func nothingReason(_ db: Database, _ claim: ClaimRequest) throws -> NothingToCall {
        let (campaign, campaignID, zones, now) = (claim.campaign, claim.campaign.id, claim.zones, claim.now)
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) FILTER (WHERE status != 'done') AS remaining,
                   count(*) AS total,
                   count(*) FILTER (WHERE status != 'done' AND leaseUntil > ?) AS leased,
                   min(nextCallAt) FILTER (WHERE status = 'scheduled' AND nextCallAt > ?) AS nextAt,
                   count(*) FILTER (WHERE status = 'new' OR (status = 'scheduled' AND nextCallAt <= ?)) AS due
            FROM contact WHERE campaignId = ? AND id < ?
            """, arguments: [now, now, now, campaignID, try firstStagedContactID(db)])!
        let tally = NothingToCall.Tally(remaining: row["remaining"], total: row["total"], leased: row["leased"],
                                        nextAt: row["nextAt"], due: row["due"])
        return NothingToCall.reason(tally, campaign: campaign, zones: zones, now: now)
    }
}
