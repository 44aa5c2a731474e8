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
    ///
    /// - Parameter locking: false for a write that takes the campaign's quota lock first
    ///   (`holdQuotaPlaces`): a complete locks the contact and then the quotas, so locking the
    ///   contact after the quotas could deadlock with it. Such a write touches only its own
    ///   interview's quota places, which a lease passing on meanwhile cannot make wrong.
    ///
    /// - Returns: the contact as locked, so a write needs no second read of it.
    @discardableResult
    static func requireLease(_ conn: PGConnection, contactID: Int64, holder: LeaseHolder,
                             locking: Bool = true) throws -> Contact {
        guard let row = try conn.execute("""
            SELECT * FROM contact WHERE id = $1\(locking ? " FOR UPDATE" : "")
            """, [contactID]).first
        else { throw StoreError.contactNotFound(contactID) }
        if try row.value("erasedAt", as: Int64?.self) != nil { throw StoreError.contactErased }
        let agent: String? = try row.value("leaseAgent")
        let session: String? = try row.value("leaseSession")
        guard agent == holder.agent, session == holder.session else {
            throw StoreError.leaseLost(contactID: contactID, takenBy: agent)
        }
        return try Contact(pgRow: row)
    }

    /// `requireLease` for a write that ends the holder's lease, when the console may be sending
    /// it again: true when the lease is gone because this very write already committed (`done`
    /// finds its trace), so the caller returns without writing it twice.
    ///
    /// Over a network a COMMIT can succeed on the server while the connection breaks before the
    /// answer arrives; the client then cannot tell whether it committed, the console says the
    /// server is unreachable, and it sends the same write again when the agent presses Enter
    /// (`Console.persist`). SQLite never leaves the outcome of a commit unknown, so only this
    /// engine needs the check.
    static func requireLease(_ conn: PGConnection, contactID: Int64, holder: LeaseHolder,
                             unlessDone done: () throws -> Bool) throws -> Bool {
        try leasedContact(conn, contactID: contactID, holder: holder, unlessDone: done) == nil
    }

    /// `requireLease(_:contactID:holder:unlessDone:)` giving the contact as locked, or nil when
    /// this very write already committed.
    static func leasedContact(_ conn: PGConnection, contactID: Int64, holder: LeaseHolder,
                              unlessDone done: () throws -> Bool) throws -> Contact? {
        do {
            return try requireLease(conn, contactID: contactID, holder: holder)
        } catch let error as StoreError {
            guard case .leaseLost = error, try done() else { throw error }
            return nil
        }
    }

    /// How far back (seconds) a note with the same words from the same agent counts as the one
    /// being sent again after a commit whose outcome was lost.
    static let resendWindow: Int64 = 600
}
