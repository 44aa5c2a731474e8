import Foundation

/// Where the CallPulse database lives: `--db PATH`, else `$CALLPULSE_DB`, else `./callpulse.sqlite`.
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
}
