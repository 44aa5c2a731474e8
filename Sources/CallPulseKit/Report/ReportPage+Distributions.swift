extension ReportPage {
    /// NPS 0–10 coloured and bracketed by detractors, passives and promoters; CSAT and CES with
    /// their good end marked.
    func distributions() -> Markup {
        let scales = report.snapshot.scores
        return section("distributions", labels.distributions) { section in
            guard (scales.nps?.n ?? 0) + (scales.csat?.n ?? 0) + (scales.ces?.n ?? 0) > 0 else {
                section.element("p", [("class", "note")], text: labels.noAnswers)
                return
            }
            if let nps = scales.nps {
                let columns = nps.distribution.enumerated().map { score, count in
                    ColumnChart.Column(label: String(score), count: count,
                                       style: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor")
                }
                let share = { (value: Double?) in format.percent(share: value, decimals: 0) }
                let brackets = [
                    ColumnChart.Bracket(columns: 0...6, text: "\(labels.groupName(.detractors)) · \(share(nps.detractorShare))"),
                    ColumnChart.Bracket(columns: 7...8, text: "\(labels.passives) · \(share(nps.passiveShare))"),
                    ColumnChart.Bracket(columns: 9...10, text: "\(labels.promoters) · \(share(nps.promoterShare))"),
                ]
                figure(&section, id: "nps-distribution", caption: "\(labels.npsQuestion) · n = \(format.count(nps.n))",
                       counts: nps.distribution,
                       chart: ColumnChart(title: labels.npsQuestion, columns: columns, brackets: brackets, format: format))
            }
            section.element("div", [("class", "columns")]) { columns in
                for (id, caption, stats) in [("csat-distribution", labels.csatQuestion, scale("csat")),
                                             ("ces-distribution", cesCaption, scale("ces"))] {
                    guard let stats else { continue }
                    let range = stats.min...stats.max
                    let highIsGood = stats.good == ScaleDirection.highIsGood.rawValue
                    let good = highIsGood ? range.upperBound - 1 : range.lowerBound + 1
                    let bars = zip(range, stats.distribution).map { point, count in
                        ColumnChart.Column(label: String(point), count: count,
                                           style: (highIsGood ? point >= good : point <= good) ? "good" : "other")
                    }
                    figure(&columns, id: id, caption: "\(caption) · n = \(format.count(stats.n))", counts: stats.distribution,
                           chart: ColumnChart(title: caption, columns: bars, format: format, width: 330))
                }
            }
        }
    }

    private var cesCaption: String {
        guard let ces = report.snapshot.scores.ces else { return labels.cesQuestion }
        let ends = [report.cesLabels.min.map { "\(ces.min) = \($0)" }, report.cesLabels.max.map { "\(ces.max) = \($0)" }]
            .compactMap { $0 }
        return labels.cesQuestion + (ends.isEmpty ? "" : " (" + ends.joined(separator: ", ") + ")")
    }

    /// The distribution of the question the snapshot's CSAT or CES figures come from.
    private func scale(_ kind: String) -> StatsSnapshot.ScaleStats? {
        let scores = report.snapshot.scores
        let id = kind == "csat" ? scores.csat?.questionId : scores.ces?.questionId
        return scores.scales.first { $0.questionId == id }
    }

    private func figure(_ section: inout Markup, id: String, caption: String, counts: [Int], chart: ColumnChart) {
        section.element("figure", [("id", id), ("data-counts", counts.map(String.init).joined(separator: " "))]) { figure in
            figure.element("figcaption", text: caption)
            figure.append(chart.svg())
        }
    }
}
