import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Puts numbers (E.164) on the do-not-call list for every campaign in one transaction, each
    /// with an audit line; numbers already there keep their entry.
    @discardableResult
    public func addToDoNotCall(_ phones: [String], actor: String, source: String, note: String?,
                               now: Int64) throws -> DoNotCallChange {
        try write { db in
            var change = DoNotCallChange()
            for phone in phones {
                if try Self.addDoNotCall(db, phone: phone, actor: actor, source: source, note: note, now: now) {
                    change.changed.append(phone)
                } else {
                    change.unchanged.append(phone)
                }
            }
            return change
        }
    }

    /// Takes numbers (E.164) off the do-not-call list in one transaction, each with an audit line.
    /// Cases the list had already ended stay ended.
    @discardableResult
    public func removeFromDoNotCall(_ phones: [String], actor: String, now: Int64) throws -> DoNotCallChange {
        try write { db in
            var change = DoNotCallChange()
            for phone in phones {
                try db.execute(sql: "DELETE FROM doNotCall WHERE phone = ?", arguments: [phone])
                guard db.changesCount == 1 else {
                    change.unchanged.append(phone)
                    continue
                }
                change.changed.append(phone)
                try Self.audit(db, actor: actor, action: "dnc-remove", entity: "phone", entityId: phone, at: now)
            }
            return change
        }
    }

    /// The whole do-not-call list, by number.
    public func doNotCallEntries() throws -> [DoNotCallEntry] {
        try read { db in try DoNotCallEntry.order(Column("phone")).fetchAll(db) }
    }
}
