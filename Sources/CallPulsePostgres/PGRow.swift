/// One row of a result, in PostgreSQL's text format, read by column index or name.
///
/// Names are matched exactly first, then ignoring case: PostgreSQL folds unquoted identifiers to
/// lower case, so the column `campaignId` of CallPulse's schema comes back as `campaignid`, and
/// `row.value("campaignId")` finds it.
public struct PGRow: Sendable {
    /// The result's column names, shared by its rows.
    public let columns: PGColumns
    /// The values, nil for NULL.
    public let texts: [String?]

    public init(columns: PGColumns, texts: [String?]) {
        self.columns = columns
        self.texts = texts
    }

    /// The raw text of the column at `index` (nil for NULL).
    public subscript(index: Int) -> String? { texts[index] }

    /// The raw text of the column `name` (nil for NULL or no such column).
    public subscript(name: String) -> String? { columns.index(of: name).flatMap { texts[$0] } }

    /// The column at `index` read as `T` (an optional type reads NULL as nil).
    public func value<T: PGDecodable>(at index: Int, as type: T.Type = T.self) throws -> T {
        guard index >= 0, index < texts.count else {
            throw PostgresError(kind: .client, message: "the result has no column \(index) (it has \(texts.count))",
                                address: "")
        }
        return try decode(index, name: columns.names[index])
    }

    /// The column `name` read as `T` (an optional type reads NULL as nil).
    public func value<T: PGDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: name) else {
            throw PostgresError(kind: .client,
                                message: "the result has no column \(name) (it has \(columns.names.joined(separator: ", ")))",
                                address: "")
        }
        return try decode(index, name: name)
    }

    private func decode<T: PGDecodable>(_ index: Int, name: String) throws -> T {
        if let value = T.decode(pgText: texts[index]) { return value }
        let shown = texts[index].map { "'\($0.prefix(40))'" } ?? "NULL"
        throw PostgresError(kind: .client, message: "column \(name) holds \(shown), not a \(T.self)", address: "")
    }
}

/// The column names of a result, with a lookup that ignores case when no name matches exactly.
public final class PGColumns: Sendable {
    public let names: [String]
    private let exact: [String: Int]
    private let folded: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var exact: [String: Int] = [:], folded: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if exact[name] == nil { exact[name] = index }
            if folded[name.lowercased()] == nil { folded[name.lowercased()] = index }
        }
        self.exact = exact
        self.folded = folded
    }

    /// The index of the column `name`: the exact name, else the same name in any case.
    public func index(of name: String) -> Int? { exact[name] ?? folded[name.lowercased()] }
}
