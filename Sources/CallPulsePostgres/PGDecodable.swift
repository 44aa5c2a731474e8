/// A Swift type a column's text value is read as (`PGRow.value(_:)`).
///
/// `String`, `Int`, `Int64`, `Int32`, `Double`, `Bool` and optionals of them conform. A NULL read
/// as a non-optional type, or text that is not a value of the type, is a `.client` error naming
/// the column.
public protocol PGDecodable {
    /// The value of `text` (nil for NULL), or nil when it cannot be one.
    static func decode(pgText text: String?) -> Self?
}

extension String: PGDecodable {
    public static func decode(pgText text: String?) -> String? { text }
}

extension Int64: PGDecodable {
    public static func decode(pgText text: String?) -> Int64? { text.flatMap { Int64($0) } }
}

extension Int: PGDecodable {
    public static func decode(pgText text: String?) -> Int? { text.flatMap { Int($0) } }
}

extension Int32: PGDecodable {
    public static func decode(pgText text: String?) -> Int32? { text.flatMap { Int32($0) } }
}

extension Double: PGDecodable {
    public static func decode(pgText text: String?) -> Double? {
        switch text {
        case nil: return nil
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        case let text?: return Double(text)
        }
    }
}

extension Bool: PGDecodable {
    public static func decode(pgText text: String?) -> Bool? {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: return nil
        }
    }
}

extension Optional: PGDecodable where Wrapped: PGDecodable {
    /// NULL reads as nil; any other text must read as `Wrapped` (else the decode fails).
    public static func decode(pgText text: String?) -> Wrapped?? {
        guard let text else { return .some(nil) }
        return Wrapped.decode(pgText: text).map { .some($0) }
    }
}
