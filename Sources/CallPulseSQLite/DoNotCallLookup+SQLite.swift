import CallPulseDomain
import CallPulseStore
import GRDB

extension DoNotCallLookup {
    /// Reads the list into memory when it holds at most `inMemoryLimit` numbers.
    init(_ db: Database) throws {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM doNotCall") ?? 0
        self.init(numbers: count <= Self.inMemoryLimit ? Set(try String.fetchAll(db, sql: "SELECT phone FROM doNotCall")) : nil)
    }

    func contains(_ phone: String, _ db: Database) throws -> Bool {
        if let numbers { return numbers.contains(phone) }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM doNotCall WHERE phone = ?"), arguments: [phone]) ?? false
    }
}
