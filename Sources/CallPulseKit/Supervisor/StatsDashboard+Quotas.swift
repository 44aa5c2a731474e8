import CallPulseDomain

extension StatsDashboard {
    /// QUOTAS: each quota with its figures and, under a full one, what it stops (`quota full: …`);
    /// `compact`: one line per quota (the window is short). Quotas are one per line once compact,
    /// so a cut below the heading hides whole quotas.
    func quotaSection(_ quotas: [QuotaFigures], compact: Bool) -> [String] {
        var lines = [heading("QUOTAS") + "  (completes / target; in progress now; over target)"]
        for quota in quotas {
            let figures = "\(quota.completes)/\(quota.target) (\(StatsFormat.number(quota.percentFull, decimals: 0)) %)"
            if compact {
                lines.append("  \(StatsFormat.safe(quota.name, limit: 16)) \(figures)  in progress \(quota.inProgress)  "
                             + "over \(quota.overTarget)" + (quota.full ? "  FULL" : ""))
                continue
            }
            let sample: String = switch (quota.contactsLeft, quota.sampleCanFill) {
            case let (left?, canFill?) where quota.remaining > 0:
                "sample \(left) left, \(canFill ? "can fill" : "cannot fill")"
            case let (left?, _): "sample \(left) left"
            default: "answer group"
            }
            let cells = [figures, "in progress \(quota.inProgress)", "remaining \(quota.remaining)", "over \(quota.overTarget)", sample]
            lines += flow(cells, lead: "  \(StatsFormat.safe(quota.name, limit: 16)) (\(StatsFormat.safe(quota.group, limit: 32))):",
                          indent: "    ")
            if quota.full { lines.append("    quota full: \(StatsFormat.safe(quota.group, limit: 60))") }
        }
        return lines
    }
}
