import Testing
@testable import CallPulseCommands
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

@Suite struct InterviewCommandTests {
    @Test(arguments: [
        ("/back", InterviewCommand.back), ("/b", .back), (" /BACK ", .back), ("/skip", .skip), ("/s", .skip),
        ("/dk", .dontKnow), ("/ref", .refused), ("/break", .breakOff), ("/help", .help), ("/h", .help), ("/?", .help),
        ("/note asiakas toivoo sähköpostia", .note("asiakas toivoo sähköpostia")), ("/note  a\tb ", .note("a b")),
        ("/callback 15:30", .callback("15:30")), ("/cb tomorrow 10", .callback("tomorrow 10")),
        ("/CB +2h", .callback("+2h")),
    ])
    func parsesCommands(_ input: String, _ expected: InterviewCommand) {
        #expect(InterviewCommand.parse(input) == expected)
    }

    @Test(arguments: ["7", "kyllä", "", "  ", "//etc", "// not a command", "a /back", "1/2"])
    func answersAreNotCommands(_ input: String) {
        #expect(InterviewCommand.parse(input) == nil)
    }

    @Test(arguments: [
        ("/bakc", "unknown command '/bakc'"), ("/", "unknown command '/'"), ("/note", "/note needs the text"),
        ("/cb", "/cb needs a time"), ("/callback  ", "/callback needs a time"), ("/back 3", "/back takes no argument, got '3'"),
    ])
    func mistakesAreInvalidNotAnswers(_ input: String, _ messageStart: String) throws {
        guard case let .invalid(message)? = InterviewCommand.parse(input) else {
            Issue.record("'\(input)' should be invalid")
            return
        }
        #expect(message.hasPrefix(messageStart))
    }

    @Test func helpFitsEightyColumnsAndNamesEveryCommand() {
        let lines = InterviewCommand.helpLines
        #expect(lines.allSatisfy { $0.count + 2 <= 80 }) // shown indented by two
        for word in InterviewCommand.completionWords {
            #expect(lines.contains { $0.hasPrefix(word) })
            #expect(InterviewCommand.parse(word + (["/note", "/callback"].contains(word) ? " x" : "")) != nil)
        }
    }
}
