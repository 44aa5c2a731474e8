import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// The client report: well-formed, the same figures as `stats`, hostile text harmless, labels per language.
@Suite struct ReportTests {
    let fixture: ReportFixture
    init() throws { fixture = try ReportFixture() }

    @Test func theHTMLIsWellFormedXMLAndFetchesNothing() throws {
        let html = try fixture.html()
        let document = try ParsedReport.parse(html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fi\""))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("url(") && !html.contains("@import"))
        for element in document.elements {
            #expect(element.name != "script" && element.name != "link" && element.name != "img" && element.name != "iframe")
            #expect(element.attributes["src"] == nil && element.attributes["href"] == nil)
            for (name, value) in element.attributes where name != "xmlns" {
                #expect(!value.lowercased().contains("http://") && !value.lowercased().contains("https://"), "\(name)=\(value)")
            }
        }
        #expect(document.elements.filter { $0.name == "svg" }.allSatisfy { $0.attributes["xmlns"] == SVG.namespace })
        #expect(document.elements.filter { $0.name == "svg" }.count >= 8)
        #expect(document.elements.filter { $0.name == "title" }.count > document.elements.filter { $0.name == "svg" }.count)
        #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
    }

    @Test func theFiguresAreTheOnesStatsShows() throws {
        let document = try ParsedReport.parse(try fixture.html())
        let stats = try StatsSnapshot.load(database: fixture.db, campaignID: "c", breakdownField: "touchpoint", now: fixture.clock.now)
        let nps = try #require(stats.scores.nps)
        #expect(nps.n == 4 && nps.score == 0)
        #expect(document.number("nps") == nps.score && document.number("nps", "data-n") == Double(nps.n))
        #expect(document.number("nps", "data-moe") == nps.adjustedMarginOfError)
        #expect(document.element(id: "nps")?.attributes["data-moe-method"] == "adjusted-wald")
        #expect(document.number("csat") == stats.scores.csat?.percent && document.number("csat", "data-n") == 4)
        #expect(document.number("ces") == stats.scores.ces?.mean)
        #expect(document.number("csi") == stats.scores.csi?.value)
        #expect(document.number("completes") == Double(stats.progress.completes) && stats.progress.completes == 4)
        #expect(document.number("rr1") == stats.rates.values["RR1"] ?? nil)
        #expect(document.number("coop1") == stats.rates.values["COOP1"] ?? nil)
        #expect(document.element(id: "nps-distribution")?.attributes["data-counts"] == "0 0 0 1 0 0 1 0 0 1 1")
        // The yes/no question: the detractors were asked, one said yes and one no.
        let mayContact = try #require(document.element(id: "choice-may_contact")?.attributes)
        #expect(mayContact["data-n"] == "2" && mayContact["data-counts"] == "1 1")
        #expect(stats.scores.choices.first?.options.map(\.count) == [1, 1])
        #expect(document.elements(with: "data-code").compactMap { $0.attributes["data-code"] } == ["yes", "no"])
        #expect(document.text.contains("kyllä") && document.text.contains("Saako yrityksen"))
        let funnel = try #require(document.element(id: "funnel")?.attributes)
        #expect(funnel["data-loaded"] == "6" && funnel["data-attempted"] == "6")
        #expect(funnel["data-contacted"] == "5" && funnel["data-completed"] == "4")
        let groups = document.elements.filter { $0.name == "tr" && $0.attributes["class"]?.hasPrefix("group") == true }
        let expected = try #require(stats.breakdown).groups.sorted { $0.n > $1.n || ($0.n == $1.n && $0.value < $1.value) }
        #expect(groups.map { $0.attributes["data-value"] } == expected.map(\.value))
        #expect(groups.map { $0.attributes["data-n"].flatMap(Int.init) } == expected.map(\.n))
        #expect(groups.map { $0.attributes["data-nps"].flatMap(Double.init) } == expected.map(\.nps))
        #expect(groups.map { $0.attributes["data-moe"].flatMap(Double.init) } == expected.map(\.npsMarginOfError))
        #expect(groups.map { $0.attributes["data-low"].flatMap(Double.init) } == expected.map(\.npsIntervalLow))
        #expect(groups.map { $0.attributes["data-high"].flatMap(Double.init) } == expected.map(\.npsIntervalHigh))
        #expect(document.number("nps", "data-low") == nps.intervalLow && document.number("nps", "data-high") == nps.intervalHigh)
        #expect(groups.allSatisfy { $0.attributes["class"] == "group small" })
        let followUps = try #require(document.element(id: "followups")?.attributes)
        // Pia said no to contact: her detractor follow-up is recorded closed ("no consent – do not call").
        #expect(followUps["data-created"] == "4" && followUps["data-resolved"] == "1")
        #expect(followUps["data-open"] == String(stats.followUps.open) && followUps["data-overdue"] == "0")
    }

    @Test func hostileTextShowsAsTextOnly() throws {
        let html = try fixture.html()
        let document = try ParsedReport.parse(html)
        #expect(document.text.contains(ReportFixture.hostileClient))
        #expect(document.text.contains(ReportFixture.hostileField))
        #expect(document.text.contains("alert(2)</script> jonotus kesti =HYPERLINK("))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Oy&quot; &#39;x&#39;"))
        #expect(!html.contains("\u{1B}") && document.text.contains("asiakaspalvelu?[2J"))
        #expect(!document.elements.contains { $0.name == "b" })
    }

    @Test(arguments: [(ReportLanguage.fi, "Tulokset lyhyesti", "Suosittelijat 9–10"),
                      (.sv, "Resultat i korthet", "Förespråkare 9–10"),
                      (.en, "Key figures", "Promoters 9–10")])
    func labelsAreInTheChosenLanguage(language: ReportLanguage, heading: String, promoters: String) throws {
        let html = try fixture.html(language: language)
        let document = try ParsedReport.parse(html)
        #expect(document.elements.first { $0.name == "html" }?.attributes["lang"] == language.rawValue)
        #expect(document.text.contains(heading) && document.text.contains(promoters))
        let others = ReportLanguage.allCases.filter { $0 != language }.map { ReportLabels(language: $0).headline }
        #expect(others.allSatisfy { !document.text.contains($0) })
    }

    /// The CSI tile's formula and its method note are in the report's language, not always in English.
    @Test(arguments: [(ReportLanguage.fi, "100 × keskiarvo ÷ asteikon maksimi"), (.sv, "100 × medelvärde ÷ skalans max"),
                      (.en, "100 × mean ÷ max")])
    func theCSIFormulaIsInTheChosenLanguage(language: ReportLanguage, formula: String) throws {
        let html = try fixture.html(language: language)
        let document = try ParsedReport.parse(html)
        #expect(document.element(id: "csi") != nil)
        #expect(html.contains("<div class=\"detail\">\(formula)</div>"), "the CSI tile")
        #expect(document.text.contains("CSI = \(formula) ("), "the method note")
        if language != .en { #expect(!document.text.contains("mean ÷ max")) }
    }

    @Test func theDefaultLanguageIsTheScriptsFirst() throws {
        #expect(try fixture.html().contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fi\""))
    }

    @Test func anUnknownByFieldNamesTheFieldsThereAre() throws {
        #expect(throws: StatsError.unknownField(field: "segment", campaign: "c", available: ["touchpoint"])) {
            try fixture.html(by: "segment")
        }
    }

    @Test func wordsLeaveOutStopWordsAndCountOncePerAnswer() throws {
        let document = try ParsedReport.parse(try fixture.html())
        let words = document.elements(with: "data-word")
        let all = Set(words.compactMap { $0.attributes["data-word"] })
        #expect(!all.contains("oli") && !all.contains("ja"))
        #expect(all.allSatisfy { $0.count >= 3 && !StopWords.all.contains($0) })
        #expect(all.contains("ystävällinen") && all.contains("nopea") && all.contains("jonotus"))
        #expect(words.first { $0.attributes["data-word"] == "nopea" }?.attributes["data-answers"] == "2")
        let groups = document.elements.filter { $0.attributes["class"] == "words" }.map { $0.attributes["data-group"] }
        #expect(groups == ["detractors", "promoters"])
    }

    @Test func sinceAfterEveryInterviewLeavesNothingToShow() throws {
        let document = try ParsedReport.parse(try fixture.html(since: fixture.clock.now + 86_400))
        #expect(document.number("completes") == 0)
        #expect(document.element(id: "nps")?.attributes["data-n"] == "0" && document.number("nps") == nil)
        #expect(document.element(id: "nps-distribution") == nil && document.text.contains("Ei vielä vastauksia."))
        #expect(document.element(id: "funnel")?.attributes["data-loaded"] == "6")
        #expect(document.element(id: "funnel")?.attributes["data-attempted"] == "0")
    }
}
