
extension ReportPage {
    /// The key figures as tiles: NPS with its 95 % interval (both bounds) and n, CSAT, CES, CSI, completes, RR1 and COOP1.
    func headline() -> Markup {
        let scores = report.snapshot.scores
        let rates = report.snapshot.rates.values
        return section("headline", labels.headline) { section in
            section.element("div", [("class", "tiles")]) { tiles in
                if let nps = scores.nps {
                    tile(&tiles, id: "nps", label: labels.nps, value: format.nps(nps.score),
                         detail: "\(labels.interval) \(format.interval(nps.intervalLow, nps.intervalHigh)) · n = \(format.count(nps.n))",
                         data: [("data-value", ReportFormat.machine(nps.score)), ("data-n", String(nps.n)),
                                ("data-low", ReportFormat.machine(nps.intervalLow)),
                                ("data-high", ReportFormat.machine(nps.intervalHigh)),
                                ("data-moe", ReportFormat.machine(nps.shownMarginOfError)),
                                ("data-moe-method", nps.shownMarginOfErrorMethod ?? "")],
                         wide: true)
                }
                if let csat = scores.csat {
                    tile(&tiles, id: "csat", label: labels.csat, value: format.percent(points: csat.percent),
                         detail: "n = \(format.count(csat.n))",
                         data: [("data-value", ReportFormat.machine(csat.percent)), ("data-n", String(csat.n))])
                }
                if let ces = scores.ces {
                    tile(&tiles, id: "ces", label: labels.ces(ces.min, ces.max), value: format.number(ces.mean),
                         detail: "n = \(format.count(ces.n))",
                         data: [("data-value", ReportFormat.machine(ces.mean)), ("data-n", String(ces.n)),
                                ("data-min", String(ces.min)), ("data-max", String(ces.max))])
                }
                if let csi = scores.csi {
                    tile(&tiles, id: "csi", label: labels.csi, value: format.number(csi.value), detail: labels.csiFormula(csi.formula),
                         data: [("data-value", ReportFormat.machine(csi.value))])
                }
                let progress = report.snapshot.progress
                tile(&tiles, id: "completes", label: labels.completes, value: format.count(progress.completes),
                     detail: "\(format.percent(share: report.loaded > 0 ? Double(progress.completes) / Double(report.loaded) : nil)) \(labels.ofLoaded)",
                     data: [("data-value", String(progress.completes))])
                for (id, name, label) in [("rr1", "RR1", labels.responseRate), ("coop1", "COOP1", labels.cooperationRate)] {
                    let value = rates[name] ?? nil
                    tile(&tiles, id: id, label: label, value: format.percent(share: value), detail: nil,
                         data: [("data-value", ReportFormat.machine(value))])
                }
            }
        }
    }

    private func tile(_ tiles: inout Markup, id: String, label: String, value: String, detail: String?,
                      data: [(String, String)], wide: Bool = false) {
        tiles.element("div", [("class", wide ? "tile wide" : "tile"), ("id", id)] + data) { tile in
            tile.element("div", [("class", "label")], text: label)
            tile.element("div", [("class", "figure")], text: value)
            if let detail { tile.element("div", [("class", "detail")], text: detail) }
        }
    }
}
