import CallPulseDomain
import CallPulseStore
import Foundation

/// What rendering follow-ups needs beyond the rows: each campaign's script and time zone.
public struct FollowUpContext {
    public var scripts: [String: InterviewScript] = [:]
    public var timeZones: [String: TimeZone] = [:]

    /// Loads the campaigns the follow-ups belong to.
    public init(database: any CallPulseStore, campaignIDs: Set<String>) throws {
        for id in campaignIDs {
            let campaign = try database.campaign(id: id)
            scripts[id] = try? campaign.loadScript()
            timeZones[id] = TimeZone(identifier: campaign.timeZone) ?? .current
        }
    }

    func timeZone(of detail: FollowUpDetail) -> TimeZone {
        timeZones[detail.followUp.campaignId] ?? .current
    }

    func script(of detail: FollowUpDetail) -> InterviewScript? {
        scripts[detail.followUp.campaignId]
    }

    /// A span for people: `45 min`, `5 h`, `2 d 3 h`.
    static func span(_ seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours) h" }
        return hours % 24 == 0 ? "\(hours / 24) d" : "\(hours / 24) d \(hours % 24) h"
    }
}
