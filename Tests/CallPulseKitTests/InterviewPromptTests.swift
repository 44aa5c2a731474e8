import CallPulseTestSupport
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

@Suite struct InterviewPromptTests {
    static let pulse = InterviewTestSupport.pulse
    static let kinds = InterviewTestSupport.kinds

    static func lines(_ id: String, in script: InterviewScript = pulse, language: String, position: InterviewPosition? = nil,
                      earlier: RecordedAnswer? = nil) -> [String] {
        QuestionPrompt.lines(for: script.question(id: id)!, position: position, language: language,
                             values: ["client": "Testi Oy", "first_name": "Maija\u{1B}[2J"], earlier: earlier)
    }

    @Test func csatInFinnish() {
        #expect(Self.lines("csat", language: "fi", position: InterviewPosition(number: 4, total: 5)) == [
            "4 / 5  csat",
            "Kuinka tyytyväinen olitte saamaanne palveluun asteikolla 1–5, jossa 1 tarkoittaa erittäin tyytymätöntä ja 5 erittäin tyytyväistä?",
            "1 erittäin tyytymätön … 5 erittäin tyytyväinen",
        ])
    }

    @Test(arguments: [
        ("fi", "0–10  (0 en lainkaan todennäköisesti … 10 erittäin todennäköisesti)", "yritystä Testi Oy ystävällenne"),
        ("sv", "0–10  (0 inte alls sannolikt … 10 mycket sannolikt)", "rekommendera Testi Oy till"),
        ("en", "0–10  (0 not at all likely … 10 extremely likely)", "recommend Testi Oy to a friend"),
    ])
    func npsShowsRangeAndLabelsWithPlaceholdersFilled(language: String, range: String, textPart: String) {
        let lines = Self.lines("nps", language: language, position: InterviewPosition(number: 1, total: 4))
        #expect(lines.count == 3)
        #expect(lines[0] == "1 / 4  nps")
        #expect(lines[1].contains(textPart))
        #expect(lines[2] == range)
    }

    @Test(arguments: [
        ("fi", "1 erittäin vaikeaa … 5 erittäin helppoa"), ("sv", "1 mycket svårt … 5 mycket lätt"),
        ("en", "1 very difficult … 5 very easy"),
    ])
    func cesShowsLabelledEnds(language: String, expected: String) {
        #expect(Self.lines("ces", language: language).last == expected)
    }

    @Test func scaleWithoutLabelsShowsNumbers() {
        #expect(Self.lines("effort", in: Self.kinds, language: "en") == ["effort (scale)", "Ease 1–7?", "1 … 7"])
    }

    @Test(arguments: [("fi", "k = kyllä, e = ei"), ("sv", "j = ja, n = nej"), ("en", "y = yes, n = no")])
    func yesNoHintPerLanguage(language: String, hint: String) {
        let lines = Self.lines("may_contact", language: language, position: InterviewPosition(number: 5, total: 5))
        #expect(lines.first == "5 / 5  may_contact (yesno)")
        #expect(lines.last == hint)
    }

    @Test(arguments: [
        ("fi", ["1 Puhelin", "2 Sähköposti", "3 Chat", "4 Myymälä"]),
        ("sv", ["1 Telefon", "2 E-post", "3 Chatt", "4 Butik"]),
        ("en", ["1 Phone", "2 Email", "3 Chat", "4 Shop"]),
    ])
    func choicesAreNumberedOnePerLine(language: String, options: [String]) {
        #expect(Array(Self.lines("channel", in: Self.kinds, language: language).dropFirst(2)) == options)
    }

    @Test func multipleChoiceIsOptionalAndSaysSo() {
        #expect(Self.lines("topics", in: Self.kinds, language: "fi", position: InterviewPosition(number: 2, total: 6)) == [
            "2 / 6  topics (choice)  (optional)", "Mitä asia koski?", "1 Hinta", "2 Toimitus", "3 Lasku", "(one or more, e.g. 1,3)",
        ])
    }

    @Test func numberShowsItsBounds() {
        #expect(Self.lines("minutes", in: Self.kinds, language: "en").last == "(a number from 0 to 120)")
        #expect(Self.lines("amount", in: Self.kinds, language: "en").last == "(a number)")
    }

    @Test func textIsFreeAndPlaceholdersAreCleaned() {
        #expect(Self.lines("why_phone", in: Self.kinds, language: "sv") == [
            "why_phone (text)", "Varför telefon, Maija[2J?", "(free text; the customer's own words)",
        ])
        #expect(Self.lines("nps_reason", language: "en")[0] == "nps_reason (text)  (optional)")
    }

    @Test(arguments: [
        ("nps", RecordedAnswer.answer(.number(7)), "fi", "was: 7"),
        ("may_contact", .answer(.bool(true)), "fi", "was: kyllä"),
        ("may_contact", .answer(.bool(false)), "en", "was: no"),
        ("nps", .special(.dontKnow), "sv", "was: don't know"),
        ("nps_reason", .special(.skipped), "en", "was: skipped"),
        ("nps_reason", .answer(.text("Hidas")), "fi", "was: Hidas"),
    ])
    func earlierAnswerIsShownWhenGoingBack(id: String, earlier: RecordedAnswer, language: String, expected: String) {
        #expect(Self.lines(id, language: language, earlier: earlier).last == expected)
    }

    @Test(arguments: [
        ("channel", AnswerValue.choices(["email"]), "fi", "Sähköposti"),
        ("topics", .choices(["price", "invoice"]), "sv", "Pris, Faktura"),
        ("topics", .choices(["gone"]), "en", "gone"),
        ("minutes", .number(4.5), "fi", "4,5"),
        ("minutes", .number(4.5), "en", "4.5"),
        ("minutes", .number(120), "sv", "120"),
    ])
    func describeShowsSavedAnswersInHumanForm(id: String, value: AnswerValue, language: String, expected: String) {
        #expect(QuestionPrompt.describe(value, special: nil, for: InterviewTestSupport.question(id), language: language) == expected)
    }

    @Test func describeSpecialsAndNothing() {
        let question = InterviewTestSupport.question("channel")
        #expect(QuestionPrompt.describe(.choices(["phone"]), special: .refused, for: question, language: "en") == "refused")
        #expect(QuestionPrompt.describe(nil, special: nil, for: question, language: "en") == "(no answer)")
    }
}
