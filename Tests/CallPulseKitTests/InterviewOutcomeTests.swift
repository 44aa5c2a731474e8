import CallPulseTestSupport
import Testing
@testable import CallPulseCommands
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The pure rules of how an interview ends: dispositions, required answers, consent, follow-ups,
/// the break-off question's keys, messages in the interview language, the help's layout.
@Suite struct InterviewOutcomeTests {
    static let pulse = InterviewTestSupport.pulse

    static func state(_ answers: [String: RecordedAnswer]) -> InterviewState {
        InterviewState(script: pulse, language: "fi", answers: answers)
    }

    // MARK: Dispositions

    @Test(arguments: [
        (CallOutcome.refused, "1.2", "1.2"), (.notInUse, "1.2", "1.2"), (.wrongPerson, "1.2", "1.2"), (.neverCallAgain, "1.2", "1.2"),
        (.notInUse, "2.12", "2.12"), (.fax, "2.12", "2.12"), (.wrongPerson, "2.12", "2.12"),
        (.refused, "2.12", "2.11"), (.languageBarrier, "2.12", "2.33"),
        (.notInUse, "2.21", "4.31"), (.refused, "2.21", "2.11"),
    ])
    func aBrokenOffInterviewDecidesOverALaterOutcome(_ outcome: CallOutcome, _ interview: String, _ expected: String) {
        #expect(CaseDisposition.final(outcome: outcome, brokenOffInterview: interview) == expected)
    }

    @Test func withoutAnInterviewTheOutcomeDecides() {
        for outcome in CallOutcome.allCases where outcome.isFinal {
            #expect(CaseDisposition.final(outcome: outcome, brokenOffInterview: nil) == outcome.aaporCode)
        }
    }

    @Test func declinedBeforeAnyAnswerIsARefusalAfterIsBreakOffOrPartial() {
        #expect(Self.state([:]).refusalDisposition == "2.11")
        #expect(Self.state(["nps": .special(.refused)]).refusalDisposition == "2.12") // started, nothing counts
        #expect(Self.state(["nps": .answer(.number(9))]).refusalDisposition == "2.12") // 1 of 4
        #expect(Self.state(["nps": .answer(.number(9)), "nps_reason": .special(.skipped), "ces": .answer(.number(4))])
            .refusalDisposition == "1.2") // 2 of 4
    }

    // MARK: Required answers

    @Test func theBundledScriptNeedsNpsAndCsatForAComplete() {
        #expect(Self.pulse.questions.filter(\.requiredForComplete).map(\.id) == ["nps", "csat"])
    }

    @Test func aFinishedInterviewWithoutRequiredAnswersIsNotAComplete() {
        let full = Self.state(["nps": .answer(.number(9)), "nps_reason": .special(.skipped), "ces": .answer(.number(4)),
                               "csat": .answer(.number(5))])
        #expect(full.isComplete && full.missingRequiredAnswers.isEmpty && full.finishedDisposition == "1.1")
        let thin = Self.state(["nps": .special(.dontKnow), "nps_reason": .special(.skipped), "ces": .special(.refused),
                               "csat": .answer(.number(5))])
        #expect(thin.isComplete)
        #expect(thin.missingRequiredAnswers == ["nps"])
        #expect(thin.finishedDisposition == "1.2") // dk and csat: half answered
        let empty = Self.state(["nps": .special(.refused), "nps_reason": .special(.skipped), "ces": .special(.refused),
                                "csat": .special(.refused)])
        #expect(empty.finishedDisposition == "2.12")
    }

    @Test func requiredForCompleteIsReadAndChecked() {
        let yaml = "id: t\ntitle: T\nlanguages: [en]\nquestions:\n  - id: a\n    type: yesno\n    required_for_complete: %@\n    text: A?\n"
        let good = try? InterviewScript.parse(yaml: yaml.replacingOccurrences(of: "%@", with: "true"), file: "t.yaml")
        #expect(good?.questions.first?.requiredForComplete == true)
        #expect(good?.outline().contains("a — yes/no, required for a complete") == true)
        let problems = ScriptTestSupport.problems(yaml.replacingOccurrences(of: "%@", with: "maybe"))
        #expect(problems.map(\.message) == ["'required_for_complete' of question 'a' must be true or false, not 'maybe'"])
        #expect(problems.first?.line == 7)
    }

    // MARK: Consent

    @Test func consentIsRefusedOnlyOnceAskedAndNotAYes() {
        let detractor: [String: RecordedAnswer] = ["nps": .answer(.number(3)), "nps_reason": .special(.skipped),
                                                   "ces": .answer(.number(2)), "csat": .answer(.number(1))]
        #expect(!Self.state(detractor).consentRefused) // not asked yet
        for (answer, refused) in [(RecordedAnswer.answer(.bool(true)), false), (.answer(.bool(false)), true),
                                  (.special(.dontKnow), true), (.special(.refused), true)] {
            var answers = detractor
            answers["may_contact"] = answer
            let state = Self.state(answers)
            #expect(state.consentRefused == refused)
            #expect(state.followUpAlerts().allSatisfy { $0.withoutConsent == refused })
        }
    }

    @Test func followUpsFollowTheCorrectedAnswer() throws {
        var state = Self.state([:])
        try state.answer("nps", .number(4))
        #expect(state.followUpAlerts().map(\.index) == [1])
        try state.answer("nps", .number(9))
        #expect(state.followUpAlerts().isEmpty)
        #expect(state.firedAlerts().isEmpty)
    }

    @Test(arguments: [
        ("consent: nps\n", "'consent' must name a yes/no question; 'nps' is a nps question"),
        ("consent: nope\n", "'consent' names 'nope', which is not a question of the script (yes/no questions: ok)"),
    ])
    func consentMustNameAYesNoQuestion(_ line: String, _ message: String) {
        let yaml = "id: t\ntitle: T\nlanguages: [en]\n" + line
            + "questions:\n  - { id: nps, type: nps, text: N? }\n  - { id: ok, type: yesno, text: OK? }\n"
        let problems = ScriptTestSupport.problems(yaml)
        #expect(problems.map(\.message) == [message])
        #expect(problems.first.map { "\($0.line):\($0.column)" } == "4:10")
    }

    @Test func theBundledScriptsNameTheirConsentQuestion() throws {
        #expect(Self.pulse.consentQuestionID == "may_contact")
        let b2b = try InterviewScript.load(contentsOf: .init(fileURLWithPath: ScriptTestSupport.bundledScriptPath("b2b-sales-meeting")))
        #expect(b2b.consentQuestionID == "may_contact")
        #expect(Self.pulse.outline().contains("consent: may_contact"))
    }

    // MARK: Keys, messages, layout

    @Test(arguments: [("y", true), ("YES", true), (" k ", true), ("ja", true), ("n", false), ("ei", false), ("nej", false)])
    func yesNoWords(_ text: String, _ expected: Bool) {
        #expect(YesNoWords.parse(text) == expected)
    }

    @Test(arguments: ["", "maybe", "go on", "yy"])
    func notYesNoWords(_ text: String) {
        #expect(YesNoWords.parse(text) == nil)
    }

    @Test(arguments: [
        (AnswerInputError.notYesNo("x"), "fi", "'x': vastaa k (kyllä) tai e (ei)"),
        (.notYesNo("x"), "sv", "'x': svara j (ja) eller n (nej)"),
        (.notYesNo("x"), "en", "'x': answer y or n"),
        (.notWholeNumber("11", range: 0...10), "fi", "'11': anna kokonaisluku 0–10"),
        (.notNumber("x", min: 0.5, max: nil), "fi", "'x': anna luku vähintään 0,5 (desimaalit . tai ,)"),
        (.notChoice("9", optionCount: 3, multiple: true), "sv", "'9': välj ett eller flera av 1–3, t.ex. 1,3"),
        (.empty(optional: true), "fi", "kirjoita vastaus, tai /skip"),
    ])
    func inputErrorsSpeakTheInterviewLanguage(_ error: AnswerInputError, _ language: String, _ expected: String) {
        #expect(error.message(in: language) == expected)
    }

    @Test func multiLineOutputIsWrappedLineByLine() {
        let help = InterviewCommand.helpLines.map { "  " + $0 }
        #expect(ConsoleOutput.layout(help.joined(separator: "\n"), width: 80) == help)
        let narrow = ConsoleOutput.layout("  one two three\n  four", width: 10)
        #expect(narrow == ["  one two", "  three", "  four"])
    }
}
