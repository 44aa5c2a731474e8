import CallPulseDomain

/// What `callpulse campaign close ID --purge-pii` did.
public struct PurgeReport: Sendable, Equatable {
    public var campaignID: String
    /// Whether the campaign was closed by this run (false: it was closed already).
    public var closedNow = false
    /// Contacts whose personal data this run erased.
    public var erased = 0
    /// Contacts erased before (by `forget` or an earlier purge).
    public var erasedEarlier = 0
    public var checkpoint: WALCheckpoint?

    public init(campaignID: String) { self.campaignID = campaignID }

    /// The report for people.
    public var lines: [String] {
        var lines: [String] = []
        if closedNow { lines.append("Campaign \(campaignID) is closed.") }
        let earlier = erasedEarlier > 0 ? " (\(erasedEarlier) had been erased before)" : ""
        if erased == 0 {
            lines.append("No personal data left to erase in \(campaignID)\(earlier).")
            return lines
        }
        lines.append("Erased the personal data of \(Plural.of(erased, "contact")) of \(campaignID)\(earlier): "
            + "names, numbers, contact fields, notes and free-text answers.")
        lines.append("Statistics and the anonymous export (export --no-pii) keep every score.")
        if let checkpoint { lines.append(checkpoint.description) }
        return lines
    }
}
