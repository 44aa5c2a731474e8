/// Answers "is this number on the do-not-call list?" during an import: from memory when the
/// list is small (the usual case), through the store's index when it is large. Made by
/// `ImportStore.makeDoNotCallLookup()` and used by `ImportStore.stage(_:into:campaignID:doNotCall:)`.
public struct DoNotCallLookup: Sendable {
    /// The most numbers held in memory.
    public static let inMemoryLimit = 100_000
    /// The whole list when it is small; nil when numbers are looked up in the store.
    public let numbers: Set<String>?

    public init(numbers: Set<String>?) { self.numbers = numbers }
}
