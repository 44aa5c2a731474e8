
extension ReportPage {
    /// The most frequent words of detractors and of promoters, and a handful of verbatim quotes.
    func voices() -> Markup {
        section("voices", labels.voices) { section in
            guard report.voices.contains(where: { $0.answers > 0 }) else {
                section.element("p", [("class", "note")], text: labels.noOpenAnswers)
                return
            }
            section.element("div", [("class", "columns")]) { columns in
                for voice in report.voices {
                    columns.element("figure", [("class", "words"), ("data-group", voice.group.rawValue),
                                               ("data-answers", String(voice.answers))]) { figure in
                        let name = labels.groupName(voice.group)
                        figure.element("figcaption", text: "\(labels.frequentWords(name)) · n = \(format.count(voice.answers))")
                        guard let top = voice.words.first?.answers else {
                            figure.element("p", [("class", "note")], text: labels.noOpenAnswers)
                            return
                        }
                        let bars = voice.words.map { word in
                            BarList.Bar(label: word.word, share: Double(word.answers) / Double(top), text: format.count(word.answers),
                                        style: voice.group == .detractors ? "detractor" : voice.group == .promoters ? "promoter" : "other",
                                        data: [("data-word", word.word), ("data-answers", String(word.answers))])
                        }
                        figure.append(BarList(title: labels.frequentWords(name), bars: bars, width: 330, labelWidth: 120, valueWidth: 40).svg())
                    }
                }
            }
            section.element("p", [("class", "note")], text: labels.wordsNote)
            guard !report.quotes.isEmpty else { return }
            section.element("h3", text: labels.quotes)
            section.element("div", [("class", "quotes")]) { quotes in
                for quote in report.quotes {
                    quotes.element("blockquote", [("class", quote.group.rawValue)]) { block in
                        block.element("p", text: "“\(quote.text)”")
                        let score = quote.npsScore.map { "NPS \($0) · " } ?? ""
                        block.element("footer", text: score + labels.groupName(quote.group))
                    }
                }
            }
        }
    }
}
