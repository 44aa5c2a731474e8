import Foundation

/// Why a quota cannot be defined, each message naming the quota and the bad value.
public enum QuotaDefinitionError: Error, Equatable, LocalizedError {
    /// The name is empty, too long or has characters other than letters, digits, `-`, `_`, `.`.
    case badName(String)
    case badTarget(quota: String, target: Int)
    /// The definition does not parse; `offset` is 0-based in Unicode scalars.
    case syntax(quota: String, definition: String, error: ConditionSyntaxError)
    /// A name that is neither a question of the script nor a field of the call list.
    case unknownName(quota: String, name: String, fields: [String])
    /// A name that is both a question id and a call-list field: which one is meant is unclear.
    case ambiguousName(quota: String, name: String)
    /// The definition reads no question and no field (e.g. `1 = 1`).
    case noNames(quota: String)

    public var errorDescription: String? {
        switch self {
        case let .badName(name):
            "quota name '\(name)' is not usable: use 1 to \(Quota.maximumNameLength) letters, digits, '-', '_' or '.', "
                + "starting with a letter or digit"
        case let .badTarget(quota, target):
            "quota \(quota): the target must be a whole number of complete interviews, 0 or more, not \(target)"
        case let .syntax(quota, definition, error):
            "quota \(quota): '\(definition)' column \(error.offset + 1): \(error.message)"
        case let .unknownName(quota, name, fields):
            "quota \(quota): '\(name)' is neither a question of the script nor a field of the call list "
                + "(fields: \((fields + ["language"]).joined(separator: ", ")))"
        case let .ambiguousName(quota, name):
            "quota \(quota): '\(name)' is both a question of the script and a field of the call list; "
                + "rename the call-list column (or the question) so the quota says which it means"
        case let .noNames(quota):
            "quota \(quota): the definition names no question and no call-list field, so it cannot form a group"
        }
    }
}
