import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// One hostile answer and what the question it is typed at must do with it.
struct HostileAnswer: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Asked again; the reason contains `reason`.
        case askedAgain(String)
        /// Saved as this number.
        case accepted(Double)
    }

    var file: String
    /// A question of `InterviewTestSupport.kinds` (`amount`: a number without bounds, `effort`:
    /// a 1–7 scale) or of the pulse script (`nps`).
    var question: String
    var outcome: Outcome
    var testDescription: String { "\(file) at \(question)" }
}

/// Every file in Fixtures/hostile/answers/ (see the README.md there) through the answer parser.
@Suite struct HostileAnswerTests {
    static let folder = "Fixtures/hostile/answers"
    static let limit = "enter a number from -1000000000000000 to 1000000000000000"

    static let cases: [HostileAnswer] = [
        .init(file: "nines-400.txt", question: "amount", outcome: .askedAgain(limit)),
        .init(file: "minus-nines-400.txt", question: "amount", outcome: .askedAgain(limit)),
        .init(file: "just-over-limit.txt", question: "amount", outcome: .askedAgain(limit)),
        .init(file: "at-limit.txt", question: "amount", outcome: .accepted(1e15)),
        .init(file: "huge-decimal-comma.txt", question: "amount", outcome: .accepted(999_999_999_999_999.5)),
        .init(file: "exponent.txt", question: "amount", outcome: .askedAgain("'1e999': enter a number (decimals with . or ,)")),
        .init(file: "nan.txt", question: "amount", outcome: .askedAgain("'nan': enter a number")),
        .init(file: "infinity-sign.txt", question: "amount", outcome: .askedAgain("'∞': enter a number")),
        .init(file: "int64-max.txt", question: "effort", outcome: .askedAgain("enter a whole number from 1 to 7")),
        .init(file: "int64-overflow.txt", question: "nps", outcome: .askedAgain("enter a whole number from 0 to 10")),
        .init(file: "plus-zeros.txt", question: "effort", outcome: .accepted(7)),
        .init(file: "minus-zero.txt", question: "nps", outcome: .accepted(0)),
        .init(file: "fullwidth-digits.txt", question: "amount", outcome: .askedAgain("enter a number")),
        .init(file: "arabic-indic-digit.txt", question: "nps", outcome: .askedAgain("enter a whole number from 0 to 10")),
        .init(file: "bidi-override-number.txt", question: "amount", outcome: .askedAgain("enter a number")),
    ]

    @Test(arguments: cases)
    func eachAnswerIsSavedOrAskedAgainWithAReason(_ answer: HostileAnswer) throws {
        let text = try String(contentsOfFile: HostileCorpus.path(Self.folder, answer.file), encoding: .utf8)
        let question = answer.question == "nps"
            ? InterviewTestSupport.question("nps", in: InterviewTestSupport.pulse) : InterviewTestSupport.question(answer.question)
        let result = AnswerParser.parse(text, for: question, language: "en")
        switch (answer.outcome, result) {
        case let (.askedAgain(reason), .failure(error)):
            #expect(error.message.contains(reason), "\(error.message)")
        case let (.accepted(value), .success(parsed)):
            #expect(parsed == .number(value))
            #expect(question.kind.accepts(parsed))
        default:
            Issue.record("expected \(answer.outcome), got \(result)")
        }
    }

    @Test func everyFixtureHasACaseAndALineInTheReadme() throws {
        try HostileCorpus.expectCovered(Self.folder, by: Self.cases.map(\.file))
    }
}
