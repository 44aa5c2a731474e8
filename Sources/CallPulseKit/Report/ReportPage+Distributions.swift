import CallPulseDomain

extension ReportPage {
    /// NPS 0–10 coloured and bracketed by detractors, passives and promoters; CSAT and CES with
    /// their good end marked; then each choice and yes/no question's answers, one bar an option.
    func distributions() -> Markup {
        let scales = report.snapshot.scores
        return section("distributions", labels.distributions) { section in
            let choiceAnswers = scales.choices.reduce(0) { $0 + $1.n }
            guard (scales.nps?.n ?? 0) + (scales.csat?.n ?? 0) + (scales.ces?.n ?? 0) + choiceAnswers > 0 else {
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
            for choice in scales.choices where choice.n > 0 {
                choiceFigure(&section, choice)
            }
        }
    }

    /// How often each option of a choice or yes/no question was given: one bar an option, with its
    /// count and share of the answers (which add up to more than 100 % when several may be picked).
    private func choiceFigure(_ section: inout Markup, _ choice: StatsSnapshot.ChoiceStats) {
        let texts = report.choiceTexts[choice.questionId]
        let question = texts?.question ?? choice.questionId
        let top = max(choice.options.map(\.count).max() ?? 0, 1)
        let bars = choice.options.map { option in
            BarList.Bar(label: texts?.options[option.code] ?? option.label, share: Double(option.count) / Double(top),
                        text: "\(format.count(option.count)) (\(format.percent(share: option.share, decimals: 0)))",
                        style: "answer", data: [("data-code", option.code), ("data-count", String(option.count))])
        }
        let caption = "\(question) · n = \(format.count(choice.n))" + (choice.multiple ? " · \(labels.severalEach)" : "")
        section.element("figure", [("id", "choice-\(choice.questionId)"), ("class", "choice"), ("data-n", String(choice.n)),
                                   ("data-counts", choice.options.map { String($0.count) }.joined(separator: " "))]) { figure in
            figure.element("figcaption", text: caption)
            figure.append(BarList(title: question, bars: bars).svg())
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
