/// What a change to the do-not-call list did.
public struct DoNotCallChange: Sendable, Equatable {
    /// Numbers added or removed.
    public var changed: [String] = []
    /// Numbers that were on the list already (add) or not on it (remove).
    public var unchanged: [String] = []

    public init(changed: [String] = [], unchanged: [String] = []) {
        self.changed = changed
        self.unchanged = unchanged
    }
}
