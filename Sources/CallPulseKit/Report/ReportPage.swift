
/// Draws a `ClientReport` as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// fonts, images or anything else fetched, A4-friendly and clean when printed to PDF.
///
/// The file is HTML5 that is also well-formed XML (self-closed void elements, every text escaped
/// by `Markup`), so it can be checked with an XML parser. Figures for machines sit in `id`s and
/// `data-` attributes: `#nps` (`data-value`, `data-n`, `data-low` and `data-high`: the 95 % interval's
/// bounds, `data-moe`: its half-width around the adjusted NPS for adjusted Wald, `data-moe-method`), `#csat`,
/// `#ces`, `#csi`, `#completes`, `#rr1`, `#coop1` (`data-value`; rates as 0–1 shares),
/// `#funnel` (`data-loaded`, `data-attempted`, `data-contacted`, `data-completed`), breakdown rows
/// (`data-value`, `data-n`, `data-nps`, `data-low`, `data-high`, `data-moe`), `#choice-QUESTION` for each choice
/// and yes/no question (`data-n`, `data-counts` in option order; each bar `data-code`, `data-count`),
/// words (`data-word`, `data-answers`) and
/// `#followups` (`data-created`, `data-resolved`, `data-open`, `data-overdue`), and `#quotas` rows
/// (`data-quota`, `data-target`, `data-completes`, `data-in-progress`, `data-over`).
public struct ReportPage: Sendable {
    public var report: ClientReport
    let labels: ReportLabels
    let format: ReportFormat

    public init(report: ClientReport) {
        self.report = report
        labels = ReportLabels(language: report.language)
        format = ReportFormat(language: report.language, timeZone: report.timeZone)
    }

    /// The whole document.
    public func render() -> String {
        var page = Markup()
        page.raw("<!DOCTYPE html>\n")
        page.element("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", report.language.rawValue),
                              ("xml:lang", report.language.rawValue)]) { html in
            html.newline()
            html.element("head") { head in
                head.empty("meta", [("charset", "utf-8")])
                head.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                head.element("title", text: "\(labels.documentTitle) – \(report.snapshot.campaign.client) – \(report.surveyTitle)")
                head.element("style") { $0.raw(ReportStyle.css) }
            }
            html.newline()
            html.element("body") { body in
                body.append(header())
                for section in [headline(), distributions(), overTime(), breakdown(), funnel(), quotas(), voices(), followUps(),
                                method()] {
                    body.newline()
                    body.append(section)
                }
                body.newline()
            }
            html.newline()
        }
        page.newline()
        return page.text
    }

    private func header() -> Markup {
        let info = report.snapshot.campaign
        var markup = Markup()
        markup.element("header") { header in
            header.element("p", [("class", "kicker")], text: labels.documentTitle)
            header.element("h1", text: report.surveyTitle)
            header.element("dl", [("class", "facts")]) { facts in
                let period = report.since.map { labels.since(format.date($0)) } ?? labels.wholeCampaign
                for (term, value) in [(labels.client, info.client), (labels.campaign, "\(info.title) (\(info.id))"),
                                      (labels.period, period), (labels.generated, format.dateTime(report.snapshot.generatedAt))] {
                    facts.element("div") { pair in
                        pair.element("dt", text: term)
                        pair.element("dd", text: value)
                    }
                }
            }
        }
        return markup
    }

    /// A `<section>` with an id and an `<h2>`.
    func section(_ id: String, _ heading: String, attributes: [(String, String)] = [],
                 body: (inout Markup) -> Void) -> Markup {
        var markup = Markup()
        markup.element("section", [("id", id)] + attributes) { section in
            section.element("h2", text: heading)
            body(&section)
        }
        return markup
    }

    private func method() -> Markup {
        let ces = report.snapshot.scores.ces
        let cesScale = ces.map { ces in
            [report.cesLabels.min.map { "\(ces.min) = \($0)" }, report.cesLabels.max.map { "\(ces.max) = \($0)" }]
                .compactMap { $0 }.joined(separator: " … ")
        }
        return section("method", labels.method, attributes: [("class", "method")]) { section in
            section.element("ul") { list in
                for note in labels.methodNotes(cesScale: cesScale, csiFormula: report.snapshot.scores.csi?.formula) {
                    list.element("li", text: note)
                }
            }
        }
    }
}
