import CallPulseStore

extension PostgresStore {
    /// Throws `StoreError.leaseLost` unless `holder` (agent and console session) still holds the
    /// contact's lease; every write that acts for an agent calls it first, inside its transaction.
    ///
    /// The contact row is locked (`FOR UPDATE`) until the transaction ends, so the lease cannot
    /// pass to another console between this check and the writes after it: a claim passes over
    /// the locked row (`SKIP LOCKED`), an erasure waits for it. Every write of the PostgreSQL store
    /// that touches a contact locks the contact row first and only then other rows (its calls,
    /// answers, follow-ups, the tallies), so two of them never hold each other's locks in the
    /// opposite order over contacts.
    ///
    /// A lease that ran out but that nobody took since still belongs to its holder. An erased
    /// contact fails with `StoreError.contactErased`.
    static func requireLease(_ conn: PGConnection, contactID: Int64, holder: LeaseHolder) throws {
        guard let row = try conn.execute("SELECT leaseAgent, leaseSession, erasedAt FROM contact WHERE id = $1 FOR UPDATE",
                                         [contactID]).first
        else { throw StoreError.contactNotFound(contactID) }
        if try row.value("erasedAt", as: Int64?.self) != nil { throw StoreError.contactErased }
        let agent: String? = try row.value("leaseAgent")
        let session: String? = try row.value("leaseSession")
        guard agent == holder.agent, session == holder.session else {
            throw StoreError.leaseLost(contactID: contactID, takenBy: agent)
        }
    }
}
