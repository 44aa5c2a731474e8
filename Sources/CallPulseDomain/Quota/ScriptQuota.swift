/// A quota as a script's `quotas:` section sets it: the default quotas of a campaign created
/// from the script. Names that are not question ids are call-list fields, checked against the
/// campaign's fields when the campaign is created.
public struct ScriptQuota: Sendable, Hashable {
    public var name: String
    /// The group in the condition language, as written.
    public var definition: String
    public var target: Int
    /// The 1-based line of the quota in the script file, for messages.
    public var line: Int

    public init(name: String, definition: String, target: Int, line: Int) {
        self.name = name
        self.definition = definition
        self.target = target
        self.line = line
    }
}
