import CallPulseDomain
import Foundation

/// Why a privacy command (forget, purge, do-not-call, audit) could not do what was asked; nothing was changed.
public enum PrivacyError: Error, LocalizedError, Equatable {
    /// Numbers that are not phone numbers, each with the reason ("'040 12' is not a valid phone number for FI").
    case invalidNumbers([String])
    /// The person is in a call right now: an agent's console holds the contact.
    case inCall(phone: String, campaignID: String, contactID: Int64, agent: String, until: String)
    /// Agents are in calls with contacts of the campaign to be purged.
    case campaignInCalls(campaignID: String, agents: [String])
    /// The campaign still has follow-ups nobody has resolved.
    case openFollowUps(campaignID: String, count: Int)
    /// Lines of a do-not-call file that hold no valid number, as `FILE:LINE: 'value': reason`.
    case invalidLines(file: String, lines: [String])
    case unknownRegion(String)

    public var errorDescription: String? {
        switch self {
        case let .invalidNumbers(reasons):
            reasons.joined(separator: "\n") + "\nnothing was changed"
        case let .inCall(phone, campaignID, contactID, agent, until):
            "\(phone) is in a call right now: agent \(agent) holds contact #\(contactID) of campaign \(campaignID) (until \(until)); "
                + "nothing was erased. Try again when the call has ended, or add --force to erase it under the agent "
                + "(their console can then save nothing more for this person)"
        case let .campaignInCalls(campaignID, agents):
            "agents are in calls in campaign \(campaignID) (\(agents.prefix(5).joined(separator: ", "))"
                + (agents.count > 5 ? " and \(agents.count - 5) more" : "") + "); nothing was purged. "
                + "Try again when their calls have ended (a console's hold on a contact lapses within its lease, 120 s by default)"
        case let .openFollowUps(campaignID, count):
            "campaign \(campaignID) has \(count) open follow-up\(count == 1 ? "" : "s"): after the purge nobody could call "
                + "\(count == 1 ? "that customer" : "those customers") back. Resolve \(count == 1 ? "it" : "them") first "
                + "(callpulse followups \(campaignID) --open); nothing was purged"
        case let .invalidLines(file, lines):
            lines.joined(separator: "\n")
                + "\n\(file): \(Plural.of(lines.count, "line")) without a valid number; nothing was imported"
        case let .unknownRegion(region):
            "'\(region)' is not a known region code (use a two-letter code such as FI, SE or GB)"
        }
    }
}
