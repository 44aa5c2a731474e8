import Foundation

/// Small helpers of the import, stats, export and privacy statements.
extension PostgresStore {
    /// `strings` as a PostgreSQL text array literal, for a `$n::text[]` parameter.
    static func textArray(_ strings: [String]) -> String {
        var literal = "{"
        for (index, string) in strings.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            // Foundation's replacingOccurrences costs microseconds even with nothing to replace,
            // and an import sends a literal of 4,096 numbers per batch.
            if string.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
                for character in string.unicodeScalars {
                    if character == "\\" || character == "\"" { literal += "\\" }
                    literal.unicodeScalars.append(character)
                }
            } else {
                literal += string
            }
            literal += "\""
        }
        return literal + "}"
    }
}

extension PGRow {
    /// The column at `index` as an integer, NULL as 0 (a `sum` over no rows).
    func int(_ index: Int) throws -> Int { try value(at: index, as: Int?.self) ?? 0 }

    /// The column at `index` as a number, NULL as 0.
    func double(_ index: Int) throws -> Double { try value(at: index, as: Double?.self) ?? 0 }

    /// The column at `index` as a truth value, whether stored as a boolean or as 0/1.
    func truth(_ index: Int) throws -> Bool {
        switch texts[index] {
        case "t", "true": true
        case "f", "false", nil: false
        case let text?: (Int64(text) ?? 0) != 0
        }
    }
}
