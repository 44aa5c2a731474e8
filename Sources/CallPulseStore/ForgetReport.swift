import CallPulseDomain

/// What `callpulse forget` did for one phone number.
public struct ForgetReport: Sendable, Equatable {
    /// A contact whose personal data was erased.
    public struct ErasedContact: Sendable, Equatable {
        public var contactID: Int64
        public var campaignID: String
        /// The agent who held the contact in a call when the erasure was forced, if any.
        public var forcedFromAgent: String?

        public init(contactID: Int64, campaignID: String, forcedFromAgent: String? = nil) {
            self.contactID = contactID
            self.campaignID = campaignID
            self.forcedFromAgent = forcedFromAgent
        }
    }

    /// What became of the number on the do-not-call list.
    public enum DoNotCall: Sendable, Equatable {
        /// Put on the list now, to honour the objection in every campaign and future import.
        case added
        /// It was there already; kept (its note erased).
        case alreadyListed
        /// Not on the list, and `--allow-calls` kept it off.
        case notListed
    }

    /// The number in E.164.
    public var phone: String
    public var erased: [ErasedContact] = []
    public var doNotCall: DoNotCall = .notListed
    /// Set after an erasure: whether the write-ahead log was emptied.
    public var checkpoint: WALCheckpoint?

    public init(phone: String) { self.phone = phone }

    /// The report for people.
    public var lines: [String] {
        guard !erased.isEmpty else {
            var lines = ["No personal data held for \(phone): no contact with this number in any campaign."]
            switch doNotCall {
            case .alreadyListed: lines.append("The number is on the do-not-call list (kept: it records the objection).")
            case .added, .notListed:
                lines.append("Nothing was changed. To keep the number out of future call lists: callpulse dnc add \(phone)")
            }
            return lines
        }
        let campaigns = Set(erased.map(\.campaignID)).sorted()
        var lines = ["Erased the personal data of \(phone) in \(Plural.of(campaigns.count, "campaign")):"]
        for contact in erased {
            let forced = contact.forcedFromAgent.map { " (was in a call with \($0): erased under --force)" } ?? ""
            lines.append("  \(contact.campaignID)  contact #\(contact.contactID)\(forced)")
        }
        lines.append("Name, number, contact fields, notes and free-text answers are gone; scores stay, anonymous.")
        switch doNotCall {
        case .added: lines.append("Added \(phone) to the do-not-call list so no campaign calls it again (--allow-calls leaves it off).")
        case .alreadyListed: lines.append("\(phone) stays on the do-not-call list.")
        case .notListed: lines.append("Not added to the do-not-call list (--allow-calls): the number is no longer held anywhere.")
        }
        if let checkpoint { lines.append(checkpoint.description) }
        return lines
    }
}
