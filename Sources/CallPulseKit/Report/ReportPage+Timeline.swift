
extension ReportPage {
    /// NPS, CSAT and CES per day or week, each on its whole scale, with n per point, and the same
    /// figures as a table.
    func overTime() -> Markup {
        let timeline = report.timeline
        let heading = labels.overTime + " (" + (timeline.period == .day ? labels.perDay : labels.perWeek) + ")"
        return section("over-time", heading, attributes: [("data-period", timeline.period.rawValue)]) { section in
            guard !timeline.points.isEmpty else {
                section.element("p", [("class", "note")], text: labels.noAnswers)
                return
            }
            let names = periodNames
            let scores = report.snapshot.scores
            if scores.nps != nil {
                chart(&section, id: "nps-over-time", title: labels.nps, range: -100...100, gridlines: [-100, -50, 0, 50, 100],
                      points: zip(names, timeline.points).map { .init(label: $0, value: $1.nps, n: $1.npsN) },
                      text: { format.nps($0).replacingOccurrences(of: ",0", with: "").replacingOccurrences(of: ".0", with: "") })
            }
            if scores.csat != nil {
                chart(&section, id: "csat-over-time", title: labels.csat, range: 0...100, gridlines: [0, 25, 50, 75, 100],
                      points: zip(names, timeline.points).map { .init(label: $0, value: $1.csatPercent, n: $1.csatN) },
                      text: { format.number($0, decimals: 0) })
            }
            if let ces = scores.ces {
                let range = Double(ces.min)...Double(ces.max)
                chart(&section, id: "ces-over-time", title: labels.ces(ces.min, ces.max), range: range,
                      gridlines: (ces.min...ces.max).map(Double.init),
                      points: zip(names, timeline.points).map { .init(label: $0, value: $1.cesMean, n: $1.cesN) },
                      text: { format.number($0) })
            }
            section.element("p", [("class", "note")], text: labels.smallPointNote(ReportTimeline.smallN))
            table(&section, names: names)
        }
    }

    /// "23.11." per day, "wk 47" per week.
    private var periodNames: [String] {
        report.timeline.points.map { report.timeline.period == .day ? format.shortDate($0.start) : labels.week($0.week) }
    }

    private func chart(_ section: inout Markup, id: String, title: String, range: ClosedRange<Double>, gridlines: [Double],
                       points: [LineChart.Point], text: @escaping (Double) -> String) {
        section.element("figure", [("id", id)]) { figure in
            figure.element("figcaption", text: title)
            figure.append(LineChart(title: title, points: points, range: range, gridlines: gridlines,
                                    smallN: ReportTimeline.smallN, text: text).svg())
        }
    }

    private func table(_ section: inout Markup, names: [String]) {
        let scores = report.snapshot.scores
        section.element("table", [("class", "timeline")]) { table in
            table.element("thead") { head in
                head.element("tr") { row in
                    row.element("th", text: labels.periodColumn)
                    if scores.nps != nil { row.element("th", text: "NPS"); row.element("th", text: "n") }
                    if scores.csat != nil { row.element("th", text: "CSAT"); row.element("th", text: "n") }
                    if scores.ces != nil { row.element("th", text: "CES"); row.element("th", text: "n") }
                }
            }
            table.element("tbody") { body in
                for (name, point) in zip(names, report.timeline.points) {
                    body.element("tr", [("data-start", String(point.start)), ("data-nps", ReportFormat.machine(point.nps)),
                                        ("data-nps-n", String(point.npsN))]) { row in
                        row.element("td", text: name)
                        let cells: [(Bool, String, Int)] = [
                            (scores.nps != nil, format.nps(point.nps), point.npsN),
                            (scores.csat != nil, format.percent(points: point.csatPercent), point.csatN),
                            (scores.ces != nil, format.number(point.cesMean), point.cesN),
                        ]
                        for (shown, value, n) in cells where shown {
                            row.element("td", n < ReportTimeline.smallN ? [("class", "small")] : [], text: value)
                            row.element("td", [("class", "n")], text: format.count(n))
                        }
                    }
                }
            }
        }
    }
}
