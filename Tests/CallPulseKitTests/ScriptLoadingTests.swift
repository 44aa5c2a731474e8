import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

@Suite struct ScriptLoadingTests {
    static let bundled = ["customer-service-pulse", "b2b-sales-meeting", "mystery-shopping"]

    private func loadBundled(_ name: String) throws -> InterviewScript {
        try InterviewScript.load(contentsOf: URL(fileURLWithPath: ScriptTestSupport.bundledScriptPath(name)))
    }

    @Test(arguments: bundled)
    func bundledScriptLoadsInAllThreeLanguages(_ name: String) throws {
        let script = try loadBundled(name)
        #expect(script.id == name)
        #expect(script.languages == ["fi", "sv", "en"])
        #expect(script.placeholders.isSuperset(of: ["first_name", "client"]))
        for language in script.languages {
            let intro = try #require(script.intro?.texts[language])
            #expect(intro.contains("{first_name}") && intro.contains("{client}"))
        }
        #expect(!script.alerts.isEmpty)
    }

    @Test func customerServicePulseHasTheDesignedQuestions() throws {
        let script = try loadBundled("customer-service-pulse")
        #expect(script.questions.map(\.id) == ["nps", "nps_reason", "ces", "csat", "may_contact"])
        #expect(script.question(id: "nps")?.kind == .nps)
        #expect(script.question(id: "nps_reason")?.optional == true)
        #expect(script.question(id: "csat")?.kind == .csat)
        guard case let .ces(min, max, good, _, maxLabel)? = script.question(id: "ces")?.kind else {
            Issue.record("ces is not a CES question")
            return
        }
        #expect((min, max, good) == (1, 5, .highIsGood))
        #expect(maxLabel?.texts["en"] == "very easy")
        let mayContact = try #require(script.question(id: "may_contact"))
        #expect(mayContact.whenSource == "csat <= 2 or nps <= 6")
        #expect(mayContact.isAsked(given: ["nps": .number(9), "csat": .number(2)]))
        #expect(!mayContact.isAsked(given: ["nps": .number(9), "csat": .number(4)]))
        let fired = script.firedAlerts(for: ["nps": .number(9), "csat": .number(1)])
        #expect(fired.map { $0.reason(for: "en") } == ["Dissatisfied (CSAT 1–2): call back within one working day"])
        #expect(script.question(id: "nope") == nil)
    }

    @Test func mysteryShoppingAlertsOnAnyScoreOfOne() throws {
        let script = try loadBundled("mystery-shopping")
        let scores = script.questions.filter { $0.kind.scaleRange == 1...5 }
        #expect(scores.count == 8)
        var answers = Dictionary(uniqueKeysWithValues: scores.map { ($0.id, AnswerValue.number(4)) })
        #expect(script.firedAlerts(for: answers).isEmpty)
        answers["listening"] = .number(1)
        #expect(script.firedAlerts(for: answers).count == 1)
    }

    @Test func defaultScaleLabelsWhenTheScriptGivesNone() throws {
        let script = try InterviewScript.parse(yaml: """
            id: t
            title: T
            languages: [fi]
            questions:
              - { id: n, type: nps, text: N }
              - { id: c, type: csat, text: C }
              - { id: e, type: ces, good: low, text: E }
              - { id: s, type: scale, min: 0, max: 3, text: S }
              - { id: k, type: csat, text: K, labels: { min: huono, max: hyvä } }
            """, file: "t.yaml")
        #expect(script.question(id: "n")?.minLabel?.texts["en"] == "not at all likely")
        #expect(script.question(id: "c")?.maxLabel?.texts["fi"] == "erittäin tyytyväinen")
        #expect(script.question(id: "c")?.minLabel?.texts["sv"] == "mycket missnöjd")
        #expect(script.question(id: "e")?.minLabel?.texts["en"] == "very little effort")
        #expect(script.question(id: "e")?.kind.goodDirection == .lowIsGood)
        #expect(script.question(id: "s")?.minLabel == nil)
        #expect(script.question(id: "s")?.kind.scaleRange == 0...3)
        #expect(script.question(id: "k")?.minLabel?.texts["fi"] == "huono")
    }

    @Test func outlineListsQuestionsConditionsAndAlerts() throws {
        let outline = try loadBundled("customer-service-pulse").outline()
        let lines = outline.split(separator: "\n").map(String.init)
        #expect(lines.first == "customer-service-pulse: Customer service pulse")
        #expect(lines.contains("languages: fi, sv, en"))
        #expect(lines.contains("placeholders: {client}, {first_name}"))
        #expect(lines.contains("  1. nps — NPS 0–10 (0 not at all likely … 10 extremely likely), required for a complete"))
        #expect(lines.contains("  2. nps_reason — text, optional"))
        #expect(lines.contains("  3. ces — CES 1–5 (1 very difficult … 5 very easy)"))
        #expect(lines.last == "consent: may_contact (a follow-up is opened only when the customer says yes)")
        #expect(lines.contains("  5. may_contact — yes/no, when: csat <= 2 or nps <= 6"))
        #expect(lines.contains("  1. when csat <= 2: Dissatisfied (CSAT 1–2): call back within one working day"))
        let finnish = try loadBundled("customer-service-pulse").outline(language: "fi")
        #expect(finnish.contains("  4. csat — CSAT 1–5 (1 erittäin tyytymätön … 5 erittäin tyytyväinen)"))
    }

    @Test func answersAreCheckedAgainstTheKind() {
        let choice = QuestionKind.choice(options: [ChoiceOption(code: "a", label: LocalizedText(["en": "A"]))], multiple: false)
        #expect(QuestionKind.nps.accepts(.number(10)))
        #expect(!QuestionKind.nps.accepts(.number(11)))
        #expect(!QuestionKind.csat.accepts(.number(2.5)))
        #expect(QuestionKind.yesno.accepts(.bool(false)))
        #expect(choice.accepts(.choices(["a"])))
        #expect(!choice.accepts(.choices(["a", "a"])))
        #expect(!choice.accepts(.choices(["b"])))
        #expect(QuestionKind.number(min: 0, max: nil).accepts(.number(1e6)))
        #expect(!QuestionKind.text.accepts(.number(1)))
    }
}
