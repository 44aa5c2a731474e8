import CLibPQ

/// The address of a connection string as it may be shown: every option the string sets, except
/// passwords, as a keyword string ("host=db1 port=5432 dbname=callpulse user=cp").
///
/// libpq parses the string (`PQconninfoParse`), so URIs, keyword strings and percent-encoding are
/// read exactly as libpq reads them; CallPulse never parses one itself. A `dbname` that is itself a
/// connection string (libpq expands those) is parsed and redacted the same way.
enum PGConnectionAddress {
    /// Options never shown: they are, or may hold, secrets.
    static let secretOptions: Set<String> = ["password", "sslpassword"]

    /// The shown address of `conninfo`, or nil when libpq cannot parse it (its message in `error`).
    static func redacted(_ conninfo: String, error: inout String?) -> String? {
        guard let options = parse(conninfo, error: &error) else { return nil }
        var parts: [String] = []
        for (keyword, value) in options where !secretOptions.contains(keyword) {
            if keyword == "dbname", value.contains("=") || value.hasPrefix("postgres") {
                var inner: String?
                parts.append(redacted(value, error: &inner) ?? "dbname=(unreadable)")
            } else {
                parts.append("\(keyword)=\(quoted(value))")
            }
        }
        return parts.isEmpty ? "default server (PG* environment)" : parts.joined(separator: " ")
    }

    /// The keywords and values `conninfo` sets, in libpq's order, or nil when it is malformed.
    static func parse(_ conninfo: String, error: inout String?) -> [(String, String)]? {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            if let message {
                error = String(cString: message)
                PQfreemem(message)
            } else {
                error = "out of memory"
            }
            return nil
        }
        defer { PQconninfoFree(options) }
        var result: [(String, String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { result.append((String(cString: keyword), String(cString: value))) }
            option += 1
        }
        return result
    }

    /// A value as a keyword string writes it: bare when it has no spaces, quotes or backslashes.
    private static func quoted(_ value: String) -> String {
        if !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "'" || $0 == "\\" }) { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// libpq's message about a malformed connection string with every quoted fragment that is
    /// not an option name replaced by "…": a fragment may be part of a password.
    static func scrubbedParseError(_ message: String) -> String {
        let keywords = knownKeywords()
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "\"") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "\"") else {
                result += "\"…"
                rest = ""
                break
            }
            let fragment = String(rest[afterOpen..<close])
            result += "\"" + (keywords.contains(fragment) ? fragment : "…") + "\""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every option name libpq knows (`PQconndefaults`).
    private static func knownKeywords() -> Set<String> {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        var names: Set<String> = []
        var option = defaults
        while let keyword = option.pointee.keyword {
            names.insert(String(cString: keyword))
            option += 1
        }
        return names
    }
}
