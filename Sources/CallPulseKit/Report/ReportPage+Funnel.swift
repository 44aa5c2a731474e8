
extension ReportPage {
    /// Loaded → attempted → contacted → completed, with counts and % of loaded, and the AAPOR rates
    /// beside it. "Contacted" is the contact rate's numerator: interviews, refusals and other
    /// eligible non-interviews (AAPOR I+P+R+O).
    func funnel() -> Markup {
        let progress = report.snapshot.progress
        let counts = report.snapshot.rates.counts
        let steps = [(labels.loaded, report.loaded), (labels.attempted, progress.attempted),
                     (labels.contacted, counts.I + counts.P + counts.R + counts.O), (labels.completed, progress.completes)]
        let loaded = report.loaded
        let bars = steps.enumerated().map { index, step in
            let share = loaded > 0 ? Double(step.1) / Double(loaded) : 0
            return BarList.Bar(label: step.0, share: share,
                               text: "\(format.count(step.1)) · \(format.percent(share: loaded > 0 ? share : nil, decimals: 0))",
                               style: ["step0", "step1", "step2", "step3"][index])
        }
        let rates = report.snapshot.rates.values
        return section("funnel-section", labels.funnel) { section in
            section.element("figure", [("id", "funnel"), ("data-loaded", String(steps[0].1)), ("data-attempted", String(steps[1].1)),
                                       ("data-contacted", String(steps[2].1)), ("data-completed", String(steps[3].1))]) { figure in
                figure.element("figcaption", text: labels.funnelCaption)
                figure.append(BarList(title: labels.funnel, bars: bars).svg())
            }
            section.element("dl", [("class", "rates")]) { list in
                for (name, label) in [("RR1", labels.responseRate), ("RR3", labels.responseRate3), ("COOP1", labels.cooperationRate),
                                      ("REF1", labels.refusalRate), ("CON1", labels.contactRate)] {
                    list.element("div", [("data-rate", name), ("data-value", ReportFormat.machine(rates[name] ?? nil))]) { pair in
                        pair.element("dt", text: label)
                        pair.element("dd", text: format.percent(share: rates[name] ?? nil))
                    }
                }
            }
        }
    }

    /// Follow-ups created in the period, resolved, still open and overdue, and the mean time to resolve.
    func followUps() -> Markup {
        let figures = report.followUps
        return section("followups-section", labels.followUps) { section in
            section.element("dl", [("id", "followups"), ("class", "figures"), ("data-created", String(figures.created)),
                                   ("data-resolved", String(figures.resolved)), ("data-open", String(figures.open)),
                                   ("data-overdue", String(figures.overdue))]) { list in
                let resolvedShare = figures.created > 0 ? Double(figures.resolved) / Double(figures.created) : nil
                let rows = [
                    (labels.followUpsCreated, format.count(figures.created)),
                    (labels.followUpsResolved, "\(format.count(figures.resolved)) (\(format.percent(share: resolvedShare, decimals: 0)))"),
                    (labels.followUpsOpen, format.count(figures.open)),
                    (labels.followUpsOverdue, format.count(figures.overdue)),
                    (labels.meanTimeToResolve, figures.meanHoursToResolve.map { format.number($0) + " " + labels.hours }
                        ?? ReportFormat.missing),
                ]
                for (term, value) in rows {
                    list.element("div") { pair in
                        pair.element("dt", text: term)
                        pair.element("dd", text: value)
                    }
                }
            }
        }
    }
}
