import Foundation

/// Where the CallPulse database lives: `--db ADDRESS`, else `$CALLPULSE_DB`, else `./callpulse.sqlite`.
/// The address is an SQLite file's path, or a PostgreSQL connection string (`isServerAddress`).
public enum DatabaseLocation {
    /// The file name used when neither the option nor the environment names one.
    public static let defaultPath = "callpulse.sqlite"

    /// Resolves the database path from an explicit option and the environment; `fallback` when
    /// neither names one (the demo keeps its own file).
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               fallback: String = defaultPath) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["CALLPULSE_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return fallback
    }

    /// Whether `address` names a PostgreSQL server rather than a file: a connection URI
    /// (`postgresql://…`, `postgres://…`) or a keyword/value string (`service=callpulse`,
    /// `host=db1 dbname=callpulse`), as libpq reads them. A file whose name looks like one is
    /// given as `./host=x`.
    public static func isServerAddress(_ address: String) -> Bool {
        let text = address.drop { $0 == " " }
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") { return true }
        guard let equals = text.firstIndex(of: "=") else { return false }
        let keyword = text[..<equals].trimmingCharacters(in: .whitespaces)
        return !keyword.isEmpty && keyword.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_") }
    }
}
