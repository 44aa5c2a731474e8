import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// A number answer beyond ±10^15 (400 nines read as +infinity) is asked again.
extension HostileValueTests {
    @Test(arguments: [String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 400), "1000000000000001", "1e999"])
    func aNumberAnswerBeyondTenToTheFifteenthIsAskedAgain(_ input: String) {
        let question = InterviewTestSupport.question("amount")
        guard case let .failure(error) = AnswerParser.parse(input, for: question, language: "en") else {
            Issue.record("'\(input.prefix(20))…' was accepted")
            return
        }
        #expect(error.message.hasSuffix("enter a number from -1000000000000000 to 1000000000000000 (decimals with . or ,)")
                || error.message.contains("enter a number"), "\(error.message)")
    }

    @Test func theLargestNumberAnswerIsAccepted() {
        let question = InterviewTestSupport.question("amount")
        #expect(AnswerParser.parse("1000000000000000", for: question, language: "en") == .success(.number(1e15)))
        #expect(AnswerParser.parse("-1000000000000000", for: question, language: "en") == .success(.number(-1e15)))
    }
}
