/// A quota of a campaign: a group of interviews (`QuotaGroup`) and the number of complete
/// interviews wanted in it.
///
/// A quota is full once its completes plus the interviews in progress in its group reach the
/// target: a field quota's contacts are then no longer served, and an interview that an answer
/// puts in a full answer quota ends at once as quota filled (AAPOR 4.80). A complete that goes
/// over the target is still saved and counted; the figures say how many went over.
public struct Quota: Sendable, Hashable {
    /// The quota's name in its campaign, e.g. `support`: letters, digits, `-`, `_` and `.`, starting
    /// with a letter or digit (so it never reads as a formula in the export).
    public var name: String
    public var group: QuotaGroup
    /// Complete interviews wanted in the group; 0 closes the group at once.
    public var target: Int

    public init(name: String, group: QuotaGroup, target: Int) {
        self.name = name
        self.group = group
        self.target = target
    }

    /// The AAPOR final disposition of a case ended because its quota is filled (not eligible, NE).
    public static let filledDisposition = "4.80"

    /// The longest quota name accepted.
    public static let maximumNameLength = 64

    /// Checks a quota's name and target; throws `QuotaDefinitionError` naming what is wrong.
    public static func check(name: String, target: Int) throws(QuotaDefinitionError) {
        let allowed = name.unicodeScalars.allSatisfy {
            ConditionLexer.isIdentifierPart($0) || $0 == "-" || $0 == "."
        }
        let first = name.unicodeScalars.first.map { ConditionLexer.isIdentifierPart($0) && $0 != "_" } ?? false
        guard first, name.count <= maximumNameLength, allowed else {
            throw .badName(name)
        }
        guard target >= 0 else { throw .badTarget(quota: name, target: target) }
    }

    /// Makes a quota from its definition, checking its name, target and every name it reads
    /// (`QuotaGroup.init(parsing:quota:questionIDs:fields:)`).
    public static func make(name: String, definition: String, target: Int, questionIDs: Set<String>,
                            fields: [String]) throws(QuotaDefinitionError) -> Quota {
        try check(name: name, target: target)
        let group = try QuotaGroup(parsing: definition, quota: name, questionIDs: questionIDs, fields: fields)
        return Quota(name: name, group: group, target: target)
    }
}
