/// A Swift value sent as a statement parameter, in PostgreSQL's text format.
///
/// `String`, `Int`, `Int64`, `Int32`, `Double` and `Bool` conform; pass `nil` for SQL NULL.
/// The server infers each parameter's type from the statement; cast in SQL where it cannot
/// (`$1::bigint`).
public protocol PGParameter {
    /// The value as PostgreSQL's text input reads it.
    var pgText: String { get }
}

extension String: PGParameter {
    public var pgText: String { self }
}

extension Int: PGParameter {
    public var pgText: String { String(self) }
}

extension Int64: PGParameter {
    public var pgText: String { String(self) }
}

extension Int32: PGParameter {
    public var pgText: String { String(self) }
}

extension Double: PGParameter {
    /// The shortest text that reads back as the same double; infinities and NaN spelled as
    /// PostgreSQL spells them.
    public var pgText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Bool: PGParameter {
    public var pgText: String { self ? "true" : "false" }
}
