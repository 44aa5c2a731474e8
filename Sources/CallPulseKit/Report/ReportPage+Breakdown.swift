
extension ReportPage {
    /// Scores by a contact field, largest group first, each with n and the NPS 95 % interval;
    /// groups under `ClientReport.smallGroup` interviews flagged.
    func breakdown() -> Markup {
        guard let breakdown = report.snapshot.breakdown else { return Markup() }
        let small = ClientReport.smallGroup
        let groups = breakdown.groups.sorted { $0.n != $1.n ? $0.n > $1.n : $0.value < $1.value }
        return section("breakdown", labels.breakdown(breakdown.field), attributes: [("data-field", breakdown.field)]) { section in
            section.element("table", [("class", "breakdown")]) { table in
                table.element("thead") { head in
                    head.element("tr") { row in
                        for title in [labels.group, "n", "NPS", labels.interval, "", "CSAT", "CES"] {
                            row.element("th", text: title)
                        }
                    }
                }
                table.element("tbody") { body in
                    for group in groups {
                        let isSmall = group.n < small
                        let name = group.value.isEmpty ? labels.notGiven : group.value
                        body.element("tr", [("class", isSmall ? "group small" : "group"), ("data-value", group.value),
                                            ("data-n", String(group.n)), ("data-nps", ReportFormat.machine(group.nps)),
                                            ("data-low", ReportFormat.machine(group.npsIntervalLow)),
                                            ("data-high", ReportFormat.machine(group.npsIntervalHigh)),
                                            ("data-moe", ReportFormat.machine(group.npsMarginOfError))]) { row in
                            row.element("td") { cell in
                                cell.text(name)
                                if isSmall { cell.element("span", [("class", "flag")], text: "⚠ " + labels.smallGroup(small)) }
                            }
                            row.element("td", text: format.count(group.n))
                            row.element("td", text: format.nps(group.nps))
                            let interval = format.interval(group.npsIntervalLow, group.npsIntervalHigh)
                            row.element("td", text: interval)
                            row.element("td", [("class", "chart")]) { cell in
                                cell.append(MarginBar(title: "\(name): NPS \(format.nps(group.nps)), \(labels.interval) \(interval)",
                                                      nps: group.nps, low: group.npsIntervalLow, high: group.npsIntervalHigh,
                                                      small: isSmall).svg())
                            }
                            row.element("td", text: format.percent(points: group.csatPercent))
                            row.element("td", text: format.number(group.cesMean))
                        }
                    }
                }
            }
            section.element("p", [("class", "note")], text: labels.breakdownNote(small))
        }
    }
}
