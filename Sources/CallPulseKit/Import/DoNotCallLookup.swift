import GRDB

/// Answers "is this number on the do-not-call list?" during an import: from memory when the
/// list is small (the usual case), through the primary-key index when it is large.
struct DoNotCallLookup {
    static let inMemoryLimit = 100_000
    private let numbers: Set<String>?
    private let statement: Statement?

    init(_ db: Database) throws {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM doNotCall") ?? 0
        if count <= Self.inMemoryLimit {
            numbers = Set(try String.fetchAll(db, sql: "SELECT phone FROM doNotCall"))
            statement = nil
        } else {
            numbers = nil
            statement = try db.makeStatement(sql: "SELECT 1 FROM doNotCall WHERE phone = ?")
        }
    }

    func contains(_ phone: String, _ db: Database) throws -> Bool {
        if let numbers { return numbers.contains(phone) }
        return try Bool.fetchOne(statement!, arguments: [phone]) ?? false
    }
}
