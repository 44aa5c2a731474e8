import GRDB

/// Answers "is this number on the do-not-call list?" during an import: from memory when the
/// list is small (the usual case), through the primary-key index when it is large. Made by
/// `AppDatabase.makeDoNotCallLookup()` and used by `AppDatabase.stage(_:into:doNotCall:)`.
public struct DoNotCallLookup: Sendable {
    static let inMemoryLimit = 100_000
    /// The whole list when it is small; nil when numbers are looked up in the database.
    private let numbers: Set<String>?

    init(_ db: Database) throws {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM doNotCall") ?? 0
        numbers = count <= Self.inMemoryLimit ? Set(try String.fetchAll(db, sql: "SELECT phone FROM doNotCall")) : nil
    }

    func contains(_ phone: String, _ db: Database) throws -> Bool {
        if let numbers { return numbers.contains(phone) }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM doNotCall WHERE phone = ?"), arguments: [phone]) ?? false
    }
}
