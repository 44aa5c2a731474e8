import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The report's pure parts: words, verbatims, escaping, number formats and the time series' period.
@Suite struct ReportTextTests {
    @Test func wordsAreLowerCasedLettersWithoutStopWordsNumbersOrShortWords() {
        let words = WordCounter.words(in: "Jonotus OLI liian pitkä, and the queue was long; jag är 100 % nöjd med servicen. Don't! Åsa ok 2x")
        #expect(words == ["jonotus", "liian", "pitkä", "queue", "long", "nöjd", "servicen", "åsa"])
    }

    @Test func aWordCountsOncePerAnswer() {
        var counter = WordCounter()
        counter.add("jonotus jonotus jonotus")
        counter.add("Jonotus ja lasku")
        #expect(counter.top(5) == [.init(word: "jonotus", answers: 2), .init(word: "lasku", answers: 1)])
        #expect(counter.answers == 2)
    }

    @Test(arguments: [
        ("Soittakaa 040 123 4567 tai maija@example.com", "Soittakaa … tai …"),
        ("Arvosana 1–5 ja 10 minuuttia", "Arvosana 1–5 ja 10 minuuttia"),
        ("rivi\nrivi\u{1B}[2J", "rivi rivi?[2J"),
    ])
    func verbatimsHideNumbersAndAddresses(text: String, expected: String) {
        #expect(Verbatim.clean(text) == expected)
    }

    @Test func longVerbatimsAreCutAtAWord() {
        let text = String(repeating: "sana ", count: 100)
        let clean = Verbatim.clean(text, limit: 22)
        #expect(clean == "sana sana sana sana…")
    }

    @Test func escapingLeavesNoMarkup() {
        #expect(HTMLText.escape("<a href='x'>\"&\"</a>\u{0}\u{FFFF}") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;??")
    }

    @Test func numbersFollowTheLanguage() {
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        let fi = ReportFormat(language: .fi, timeZone: zone), en = ReportFormat(language: .en, timeZone: zone)
        #expect(fi.nps(33.333) == "+33,3" && en.nps(-12.55) == "−12.6" && en.nps(-0.01) == "0.0")
        #expect(fi.percent(points: 66.67) == "66,7\u{A0}%" && en.percent(share: 0.5) == "50.0%")
        #expect(fi.count(1_234_567) == "1\u{A0}234\u{A0}567" && en.count(1234) == "1,234")
        #expect(fi.date(ConsoleTests.mondayMorning) == "23.11.2026" && en.date(ConsoleTests.mondayMorning) == "2026-11-23")
    }

    @Test func shortCampaignsArePerDayLongOnesPerWeek() throws {
        let script = try InterviewScript.load(contentsOf: URL(fileURLWithPath: Repository.path("Scripts/customer-service-pulse.yaml")))
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        let start = ConsoleTests.mondayMorning / 3600
        let few = [start: ["nps": [9.0: 1]], start + 48: ["nps": [3.0: 1]]]
        let daily = ReportTimeline.make(answersByHour: few, script: script, timeZone: zone)
        #expect(daily.period == .day && daily.points.map(\.npsN) == [1, 1] && daily.points.map(\.nps) == [100, -100])
        let long = [start: ["nps": [9.0: 1]], start + 40 * 24: ["nps": [10.0: 2]]]
        let weekly = ReportTimeline.make(answersByHour: long, script: script, timeZone: zone)
        #expect(weekly.period == .week && weekly.points.count == 2 && weekly.points[0].week == 48)
        // Three weeks of one answer a day: too few per day, so per week.
        let sparse = Dictionary(uniqueKeysWithValues: (0..<21).map { (start + Int64($0) * 24, ["nps": [8.0: 1]]) })
        #expect(ReportTimeline.make(answersByHour: sparse, script: script, timeZone: zone).period == .week)
    }
}
