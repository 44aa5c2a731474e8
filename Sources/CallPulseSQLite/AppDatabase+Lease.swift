import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Throws `StoreError.leaseLost` unless `holder` (agent and console session) still holds the
    /// contact's lease; every write that acts for an agent calls it first, inside its transaction.
    ///
    /// A lease that ran out but that nobody took since still belongs to its holder: the holder may
    /// go on (and renew it). Once another console claimed the contact — or worked it and gave it
    /// back — the holder's writes fail. An erased contact fails with `StoreError.contactErased`.
    static func requireLease(_ db: Database, contactID: Int64, holder: LeaseHolder) throws {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT leaseAgent, leaseSession, erasedAt FROM contact WHERE id = ?"),
            arguments: [contactID])
        else { throw StoreError.contactNotFound(contactID) }
        if row["erasedAt"] as Int64? != nil { throw StoreError.contactErased }
        let agent: String? = row["leaseAgent"]
        let session: String? = row["leaseSession"]
        guard agent == holder.agent, session == holder.session else {
            throw StoreError.leaseLost(contactID: contactID, takenBy: agent)
        }
    }

    /// Extends the holder's lease on a contact, also one that ran out and that nobody took since;
    /// false when the lease was lost (another console claimed the contact).
    @discardableResult
    public func renewLease(contactID: Int64, holder: LeaseHolder, until: Int64) throws -> Bool {
        try writeUnsynced { db in
            try db.execute(sql: "UPDATE contact SET leaseUntil = ? WHERE id = ? AND leaseAgent = ? AND leaseSession IS ?",
                           arguments: [until, contactID, holder.agent, holder.session])
            return db.changesCount == 1
        }
    }

    /// Gives a claimed contact back to the queue untouched (the agent stopped before calling);
    /// false, and nothing happens, when the holder no longer holds it.
    @discardableResult
    public func releaseContact(contactID: Int64, holder: LeaseHolder) throws -> Bool {
        try writeUnsynced { db in
            try db.execute(sql: """
                UPDATE contact SET leaseAgent = NULL, leaseUntil = NULL WHERE id = ? AND leaseAgent = ? AND leaseSession IS ?
                """, arguments: [contactID, holder.agent, holder.session])
            return db.changesCount == 1
        }
    }
}
