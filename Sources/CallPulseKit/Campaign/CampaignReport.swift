import CallPulseDomain
import CallPulseStore

/// The text `campaign show` prints: the campaign, its rules, its contact counts and its script outline.
public enum CampaignReport {
    public static func render(campaign: Campaign, counts: ContactCounts, script: InterviewScript) -> String {
        var lines: [String] = []
        lines.append("Campaign \(campaign.id): \(Terminal.sanitize(campaign.title))")
        lines.append("  client: \(Terminal.sanitize(campaign.client))")
        lines.append("  status: \(campaign.status.rawValue)")
        lines.append("  created: \(TimeFormat.dateTime(campaign.createdAt))"
                     + (campaign.closedAt.map { ", closed \(TimeFormat.dateTime($0))" } ?? ""))
        lines.append("  script: \(Terminal.sanitize(campaign.scriptId)) (copied from \(Terminal.sanitize(campaign.scriptFile)))")
        if !campaign.fields.isEmpty {
            lines.append("  contact fields: \(Terminal.sanitize(campaign.fields.joined(separator: ", ")))")
        }
        lines.append("Rules")
        lines += campaign.rulesDescription.map { "  " + $0 }
        lines.append("Contacts")
        lines.append("  loaded: \(counts.total)")
        lines.append("  never called: \(counts.neverCalled)")
        lines.append("  waiting for a retry or appointment: \(counts.scheduled)")
        for (code, n) in counts.scheduledByLastCode.sorted(by: { $0.key < $1.key }) {
            lines.append("    last call \(AAPORCode.described(code)): \(n)")
        }
        lines.append("  in progress now: \(counts.inProgress)")
        lines.append("  finished: \(counts.done)")
        for (code, n) in counts.byDisposition.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(AAPORCode.described(code)): \(n)")
        }
        lines.append("Script")
        lines += Terminal.sanitize(script.outline(), singleLine: false)
            .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
