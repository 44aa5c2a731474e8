/// The outcome of one statement: its rows (empty for a command) and the server's command tag.
public struct PGResult: Sendable {
    /// The columns of the rows.
    public let columns: PGColumns
    /// Every row the statement returned.
    public let rows: [PGRow]
    /// The number of rows the command touched ("INSERT 0 5" → 5, "COPY 3" → 3), or the number of
    /// rows returned by a SELECT.
    public let affectedRows: Int64

    /// The first row, or nil when there is none.
    public var first: PGRow? { rows.first }

    /// The first column of the first row read as `T`, or nil when there are no rows.
    public func scalar<T: PGDecodable>(_ type: T.Type = T.self) throws -> T? {
        guard let row = rows.first else { return nil }
        return try row.value(at: 0, as: T.self)
    }
}
