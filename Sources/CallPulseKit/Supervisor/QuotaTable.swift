import CallPulseDomain

/// The quotas as a text table, for `campaign quota list` and `stats`.
package enum QuotaTable {
    package static func render(_ standings: [QuotaStanding]) -> String {
        var rows = [["QUOTA", "GROUP", "TARGET", "COMPLETES", "IN PROGRESS", "REMAINING", "FULL", "OVER", "SAMPLE"]]
        for standing in standings {
            rows.append([
                standing.quota.name, Terminal.sanitize(standing.quota.group.summary), String(standing.quota.target),
                String(standing.completes), String(standing.inProgress), String(standing.remaining),
                "\(Int(standing.percentFull.rounded())) %", String(standing.overTarget), sample(standing),
            ])
        }
        return TextTable.render(rows)
    }

    /// Whether the group's sample can still fill the quota, in words.
    static func sample(_ standing: QuotaStanding) -> String {
        guard let left = standing.contactsLeft, let canFill = standing.sampleCanFill else { return "– (answer group)" }
        if standing.remaining == 0 { return "\(left) left" }
        return "\(left) left, " + (canFill ? "can fill" : "cannot fill")
    }
}
