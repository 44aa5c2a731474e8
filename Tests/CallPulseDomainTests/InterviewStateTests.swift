import CallPulseTestSupport
import Testing
@testable import CallPulseDomain

@Suite struct InterviewStateTests {
    let script = InterviewTestSupport.pulse

    @Test func asksEveryQuestionInOrderAndFinishes() throws {
        var state = InterviewState(script: script, language: "fi")
        #expect(state.current?.id == "nps")
        #expect(state.position == InterviewPosition(number: 1, total: 4))
        try state.answer("nps", .number(9))
        try state.answer("nps_reason", .text("Nopea palvelu"))
        try state.answer("ces", .number(5))
        #expect(state.current?.id == "csat")
        #expect(state.position?.description == "4 / 4")
        try state.answer("csat", .number(5))
        #expect(state.current == nil)
        #expect(state.isComplete)
        #expect(state.position == nil)
        #expect(state.answeredShare == 1)
        #expect(state.firedAlerts().isEmpty)
    }

    @Test(arguments: [
        (9.0, 5.0, false), (9.0, 3.0, false), (9.0, 2.0, true), (9.0, 1.0, true),
        (7.0, 4.0, false), (6.0, 4.0, true), (0.0, 5.0, true),
    ])
    func mayContactOnlyWhenDissatisfiedOrDetractor(nps: Double, csat: Double, asked: Bool) throws {
        var state = InterviewState(script: script, language: "en")
        try state.answer("nps", .number(nps))
        try state.record(.special(.skipped), for: "nps_reason")
        try state.answer("ces", .number(3))
        try state.answer("csat", .number(csat))
        #expect(state.applicableQuestions.map(\.id).contains("may_contact") == asked)
        #expect(state.current?.id == (asked ? "may_contact" : nil))
        #expect(state.position?.total == (asked ? 5 : nil))
    }

    @Test func totalGrowsWhenAFollowUpBecomesApplicable() throws {
        var state = InterviewState(script: script, language: "sv")
        #expect(state.position?.total == 4)
        try state.answer("nps", .number(3))
        #expect(state.position == InterviewPosition(number: 2, total: 5))
    }

    @Test func conditionsOnlySeeRealValues() throws {
        var state = InterviewState(script: script, language: "en")
        try state.record(.special(.dontKnow), for: "nps")
        try state.record(.special(.skipped), for: "nps_reason")
        try state.answer("ces", .number(4))
        try state.record(.special(.refused), for: "csat")
        #expect(state.effectiveAnswers == ["ces": .number(4)])
        #expect(!state.applicableQuestions.map(\.id).contains("may_contact"))
        #expect(state.isComplete)
    }

    @Test func goingBackAndChangingAnAnswerDropsTheFollowUp() throws {
        var state = InterviewState(script: script, language: "fi")
        try state.answer("nps", .number(2))
        try state.answer("nps_reason", .text("Huono"))
        try state.answer("ces", .number(2))
        try state.answer("csat", .number(4))
        #expect(state.current?.id == "may_contact")
        try state.answer("may_contact", .bool(true))
        #expect(state.firedAlerts().count == 2)

        let back = try #require(state.previousQuestion())
        #expect(back.id == "may_contact")
        #expect(state.previousQuestion(before: "ces")?.id == "nps_reason")
        #expect(state.previousQuestion(before: "nps") == nil)

        let replaced = try state.record(.answer(.number(9)), for: "nps")
        #expect(replaced == .answer(.number(2)))
        #expect(!state.applicableQuestions.map(\.id).contains("may_contact"))
        #expect(state.answers["may_contact"] == .answer(.bool(true)), "kept in storage")
        #expect(state.effectiveAnswers["may_contact"] == nil, "but no longer counts")
        #expect(state.inapplicableAnswerIDs == ["may_contact"])
        #expect(state.firedAlerts().isEmpty)
        #expect(state.isComplete)
        #expect(state.answeredShare == 1)
        #expect(throws: InterviewError.notApplicable("may_contact")) {
            try state.record(.answer(.bool(false)), for: "may_contact")
        }

        try state.answer("nps", .number(4))
        #expect(state.effectiveAnswers["may_contact"] == .bool(true), "undoing the change brings it back")
    }

    @Test func previousQuestionSkipsInapplicableAndUnanswered() throws {
        var state = InterviewState(script: script, language: "en")
        #expect(state.previousQuestion() == nil)
        try state.answer("nps", .number(8))
        try state.record(.special(.skipped), for: "nps_reason")
        #expect(state.previousQuestion()?.id == "nps_reason")
        #expect(state.previousQuestion(before: "may_contact")?.id == "nps_reason", "works for a question not asked")
        #expect(state.nextQuestion(after: "nps")?.id == "nps_reason")
        #expect(state.nextQuestion(after: "csat") == nil)
        try state.answer("ces", .number(4))
        try state.answer("csat", .number(4))
        #expect(state.previousQuestion()?.id == "csat", "from the end of a finished interview")
    }

    @Test func skipOnlyOnOptionalQuestions() throws {
        var state = InterviewState(script: script, language: "en")
        #expect(throws: InterviewError.notOptional("nps")) { try state.record(.special(.skipped), for: "nps") }
        try state.record(.special(.dontKnow), for: "nps")
        try state.record(.special(.skipped), for: "nps_reason")
        try state.record(.special(.refused), for: "ces")
        #expect(state.current?.id == "csat")
    }

    @Test func refusesBadAnswers() {
        var state = InterviewState(script: script, language: "en")
        #expect(throws: InterviewError.unknownQuestion("nope")) { try state.answer("nope", .number(1)) }
        #expect(throws: InterviewError.invalidValue("nps", .number(11))) { try state.answer("nps", .number(11)) }
        #expect(throws: InterviewError.invalidValue("nps", .text("7"))) { try state.answer("nps", .text("7")) }
        #expect(throws: InterviewError.malformedAnswer("nps")) { try state.record(RecordedAnswer(), for: "nps") }
        #expect(throws: InterviewError.malformedAnswer("nps")) {
            try state.record(RecordedAnswer(value: .number(1), special: .refused), for: "nps")
        }
        #expect(throws: InterviewError.invalidValue("nps_reason", .text("  "))) { try state.answer("nps_reason", .text("  ")) }
        #expect(state.answers.isEmpty)
        #expect(InterviewError.notOptional("nps").localizedDescription.contains("'nps'"))
        #expect(InterviewError.invalidValue("nps", .number(11)).localizedDescription == "11 is not a valid answer to 'nps'")
    }

    @Test func resumesAtTheFirstUnansweredQuestion() {
        let saved: [String: RecordedAnswer] = [
            "nps": .answer(.number(5)), "nps_reason": .special(.skipped), "csat": .answer(.number(2)),
        ]
        let state = InterviewState(script: script, language: "sv", answers: saved)
        #expect(state.current?.id == "ces")
        #expect(state.position == InterviewPosition(number: 3, total: 5))
        #expect(state.answer(to: "csat") == .answer(.number(2)))
        #expect(state.previousQuestion()?.id == "nps_reason")
    }

    @Test(arguments: [
        // answered applicable / applicable → share, partial?
        (["nps": RecordedAnswer.answer(.number(9))], 0.25, false),
        (["nps": .answer(.number(9)), "nps_reason": .answer(.text("ok"))], 0.5, true),
        (["nps": .answer(.number(9)), "nps_reason": .special(.skipped)], 0.25, false),
        (["nps": .special(.dontKnow), "nps_reason": .special(.refused)], 0.25, false),
        (["nps": .answer(.number(3)), "nps_reason": .special(.skipped)], 0.2, false),
        (["nps": .answer(.number(3)), "nps_reason": .answer(.text("x")), "ces": .answer(.number(1))], 0.6, true),
        ([:], 0.0, false),
    ])
    func answeredShareDecidesPartialOrBreakOff(answers: [String: RecordedAnswer], share: Double, partial: Bool) {
        let state = InterviewState(script: script, language: "en", answers: answers)
        #expect(abs(state.answeredShare - share) < 1e-9)
        #expect(state.isPartial == partial)
    }

    @Test func alertsFireOnEffectiveAnswers() throws {
        var state = InterviewState(script: script, language: "fi")
        try state.answer("nps", .number(8))
        try state.record(.special(.skipped), for: "nps_reason")
        try state.answer("ces", .number(3))
        try state.answer("csat", .number(1))
        #expect(state.firedAlerts().map(\.whenSource) == ["csat <= 2"])
        try state.answer("may_contact", .bool(true))
        #expect(state.firedAlerts().map(\.whenSource) == ["csat <= 2", "may_contact = yes"])
        #expect(state.firedAlerts().first?.reason(for: "fi").hasPrefix("Tyytymätön") == true)
    }

    @Test func unknownLanguageFallsBackToTheScriptDefault() {
        #expect(InterviewState(script: script, language: "de").language == "fi")
        #expect(InterviewState(script: script, language: "sv").language == "sv")
    }
}
