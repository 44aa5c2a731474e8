/// The groups AAPOR's outcome rates count final dispositions in (reference/METRICS.md).
public enum DispositionGroup: String, Sendable, Codable, CaseIterable {
    /// Complete interview (1.1).
    case I
    /// Partial interview (1.2).
    case P
    /// Refusal and break-off (2.1x).
    case R
    /// Non-contact (2.2x).
    case NC
    /// Other eligible non-interview (2.3x).
    case O
    /// Unknown if household / occupied: not attempted, busy, no answer, machine, line problems (3.1x).
    case UH
    /// Other unknown eligibility (3.9x).
    case UO
    /// Not eligible (4.x): left out of every denominator.
    case NE

    /// The group of an AAPOR disposition code such as `"2.11"`; nil for codes CallPulse does not know.
    ///
    /// Codes are matched on their AAPOR prefix, so a finer code (e.g. 2.111) falls in its parent's group.
    public init?(code: String) {
        let prefixes: [(String, DispositionGroup)] = [
            ("1.1", .I), ("1.2", .P), ("2.1", .R), ("2.2", .NC), ("2.3", .O),
            ("3.1", .UH), ("3.2", .UO), ("3.9", .UO), ("4.", .NE),
        ]
        guard let match = prefixes.first(where: { code.hasPrefix($0.0) }) else { return nil }
        self = match.1
    }
}
