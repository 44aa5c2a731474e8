import CallPulseDomain
import Foundation
import GRDB

/// Serves one agent the next contact of a campaign, atomically and with a lease, so two agents
/// never get the same contact and a crashed agent's contact returns to the queue when the lease runs out.
///
/// Order: appointments that are due (to the agent who made them first, to anyone after a grace
/// period), then retries that are due, then fresh contacts. Retries and fresh contacts are served
/// only inside the calling window of the contact's own time zone; appointments at the agreed time.
/// Numbers on the do-not-call list and people in the survey quarantine are never served, nor
/// (appointments aside, unless the campaign drops them) contacts of a full field quota group.
public struct ContactQueue: Sendable {
    public let database: AppDatabase
    public let campaignID: String
    public let agent: String
    /// How long a claim holds the contact without being renewed.
    public var leaseSeconds: Int64 = 120
    /// The console holding the leases this queue takes (see `ConsoleSession`); nil for none known.
    public var session: String?
    /// Who holds the leases this queue takes: what every write for the agent names (`LeaseHolder`).
    public var holder: LeaseHolder { LeaseHolder(agent: agent, session: session) }
    /// How long a due appointment waits for the agent who made it before anyone may take it.
    public var appointmentGrace: Int64 = 15 * 60
    /// The campaign's rules and the time zones of its contacts, cached; refreshed every few minutes.
    private var campaign: Campaign?
    private var zones: [String] = []
    private var zonesLoadedAt: Int64?
    /// The zones whose calling window is open, for the minute they were worked out in.
    private var openZones: (minute: Int64, zones: [String])?

    public init(database: AppDatabase, campaignID: String, agent: String) {
        self.database = database
        self.campaignID = campaignID
        self.agent = agent
    }

    /// Claims the next contact for the agent at `now`.
    public mutating func claimNext(now: Int64) throws -> ClaimResult {
        if campaign == nil || zones.isEmpty || now - (zonesLoadedAt ?? now) > 300 { try loadZones(now: now) }
        guard let campaign else { throw StoreError.campaignNotFound(campaignID) }
        let zones = self.zones
        let open = openZones(at: now)
        return try database.writeUnsynced { db in
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM campaign WHERE id = ?"),
                                             arguments: [campaignID])
            guard let status = status.flatMap(Campaign.Status.init(rawValue:)) else {
                throw StoreError.campaignNotFound(campaignID)
            }
            if let stopped = NothingToCall(status: status) { return .nothing(stopped) }
            let quotas = try AppDatabase.quotaClaimContext(db, campaignID: campaignID, now: now)
            for _ in 0..<200 {
                guard let (contact, reason) = try nextCandidate(db, campaign: campaign, openZones: open, quotas: quotas,
                                                                now: now) else {
                    // Something due that only the quotas keep back: say which groups are full.
                    if let quotas, !quotas.filter.fullGroups.isEmpty,
                       try nextCandidate(db, campaign: campaign, openZones: open, quotas: nil, now: now) != nil {
                        return .nothing(.quotaFull(groups: quotas.filter.fullDescriptions))
                    }
                    return .nothing(try nothingReason(db, campaign: campaign, zones: zones, now: now))
                }
                if try blockIfNeeded(db, contact: contact, campaign: campaign, now: now) { continue }
                try db.cachedStatement(sql: "UPDATE contact SET leaseAgent = ?, leaseUntil = ?, leaseSession = ? WHERE id = ?")
                    .execute(arguments: [agent, now + leaseSeconds, session, contact.id])
                var leased = contact
                leased.leaseAgent = agent
                leased.leaseUntil = now + leaseSeconds
                return .claimed(try AppDatabase.details(db, of: leased, reason: reason))
            }
            return .nothing(.waiting(nextCallAt: now + 60, inProgress: 0, windowOpensAt: nil))
        }
    }

    /// Takes back the agent's own contact of this campaign that a console of theirs left leased
    /// (a crash, a dropped SSH session), to be served before anything else. A lease is taken over
    /// only when it ran out or `isGone` says the console holding it (its `session`) is no longer
    /// running; a live console of the same agent name keeps its contact. Nil when there is none.
    public func reclaimInterrupted(now: Int64, isGone: (String?) -> Bool) throws -> ClaimedContact? {
        try database.writeUnsynced { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, leaseUntil, leaseSession FROM contact
                WHERE campaignId = ? AND leaseUntil IS NOT NULL AND leaseAgent = ? AND status != 'done' AND erasedAt IS NULL
                ORDER BY leaseUntil DESC, id
                """, arguments: [campaignID, agent])
            for row in rows {
                let until: Int64 = row["leaseUntil"]
                let holding: String? = row["leaseSession"]
                guard until <= now || (holding != session && isGone(holding)) else { continue }
                let id: Int64 = row["id"]
                try db.execute(sql: "UPDATE contact SET leaseUntil = ?, leaseSession = ? WHERE id = ?",
                               arguments: [now + leaseSeconds, session, id])
                return try AppDatabase.details(db, of: try AppDatabase.contact(db, id: id), reason: .interrupted)
            }
            return nil
        }
    }

    private mutating func loadZones(now: Int64) throws {
        let campaign = try database.read { try AppDatabase.campaignRules($0, id: campaignID) }
        self.campaign = campaign
        zones = try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT COALESCE(timeZone, ?) FROM contact WHERE campaignId = ?",
                                arguments: [campaign.timeZone, campaignID])
        }
        zonesLoadedAt = now
        openZones = nil
    }

    /// The zones where calling is allowed now; worked out once a minute (windows are whole minutes).
    private mutating func openZones(at now: Int64) -> [String] {
        let minute = now / 60
        if let openZones, openZones.minute == minute { return openZones.zones }
        guard let campaign else { return [] }
        let open = zones.filter { CallingSchedule(campaign: campaign, timeZone: $0).isOpen(at: minute * 60) }
        openZones = (minute, open)
        return open
    }

    /// The next contact to serve; with `quotas`, contacts of full field groups are passed over
    /// (`QuotaClaimContext.keepBack`, `AppDatabase.firstServed`) and balancing picks among equal ones.
    private func nextCandidate(_ db: Database, campaign: Campaign, openZones: [String], quotas: QuotaClaimContext?,
                               now: Int64) throws -> (Contact, ClaimedContact.Reason)? {
        let keepBack = quotas?.keepBack(appointments: false) ?? (sql: "", arguments: [])
        let keepBackAppointments = quotas?.keepBack(appointments: true) ?? (sql: "", arguments: [])
        let appointment = try AppDatabase.firstServed(db, sql: """
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
        let retry = try AppDatabase.firstServed(db, sql: """
            SELECT * FROM contact
            WHERE campaignId = ? AND status = 'scheduled' AND nextCallAt <= ?
              AND appointmentAgent IS NULL AND (leaseUntil IS NULL OR leaseUntil <= ?) AND \(zone)\(keepBack.sql)
            ORDER BY nextCallAt LIMIT ? OFFSET ?
            """, arguments: [campaignID, now, now] + zoneArguments + keepBack.arguments, quotas: quotas)
        if let retry { return (retry, .retry) }
        // Contacts of an import still being written are not served yet (only fresh ones exist).
        let fresh = try AppDatabase.firstServed(db, sql: """
            SELECT * FROM contact
            WHERE campaignId = ? AND status = 'new' AND id < ? AND (leaseUntil IS NULL OR leaseUntil <= ?) AND \(zone)\(keepBack.sql)
            ORDER BY nextCallAt, id LIMIT ? OFFSET ?
            """, arguments: [campaignID, try AppDatabase.firstStagedContactID(db), now] + zoneArguments + keepBack.arguments,
            quotas: quotas)
        return fresh.map { ($0, .fresh) }
    }

    /// Takes a contact out of the queue when `ServingCheck` says so: its number is on the
    /// do-not-call list (final, 2.11) or the person completed an interview within the quarantine
    /// (retried when it ends).
    private func blockIfNeeded(_ db: Database, contact: Contact, campaign: Campaign, now: Int64) throws -> Bool {
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
    private func nothingReason(_ db: Database, campaign: Campaign, zones: [String], now: Int64) throws -> NothingToCall {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) FILTER (WHERE status != 'done') AS remaining,
                   count(*) AS total,
                   count(*) FILTER (WHERE status != 'done' AND leaseUntil > ?) AS leased,
                   min(nextCallAt) FILTER (WHERE status = 'scheduled' AND nextCallAt > ?) AS nextAt,
                   count(*) FILTER (WHERE status = 'new' OR (status = 'scheduled' AND nextCallAt <= ?)) AS due
            FROM contact WHERE campaignId = ? AND id < ?
            """, arguments: [now, now, now, campaignID, try AppDatabase.firstStagedContactID(db)])!
        let tally = NothingToCall.Tally(remaining: row["remaining"], total: row["total"], leased: row["leased"],
                                        nextAt: row["nextAt"], due: row["due"])
        return NothingToCall.reason(tally, campaign: campaign, zones: zones, now: now)
    }
}
