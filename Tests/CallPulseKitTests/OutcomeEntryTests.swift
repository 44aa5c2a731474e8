import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The line typed at the `outcome >` prompt is read as a whole: a key is a word of its own.
@Suite struct OutcomeEntryTests {
    @Test(arguments: [
        ("c tomorrow 10", OutcomeEntry.callBack(time: "tomorrow 10", note: nil)),
        ("C  25.11. 14:00 , asks for Liisa", .callBack(time: "25.11. 14:00", note: "asks for Liisa")),
        ("c", .callBack(time: nil, note: nil)),
        ("n ei vastaa", .outcome(.noAnswer, note: "ei vastaa")),
        ("N", .outcome(.noAnswer, note: nil)),
        ("o tytär vastasi", .outcome(.notThereNow, note: "tytär vastasi")),
        ("w", .outcome(.wrongPerson, note: nil)),
        ("d", .outcome(.neverCallAgain, note: nil)),
        ("d soitti itse", .outcome(.neverCallAgain, note: "soitti itse")),
        ("a", .outcome(.answered, note: nil)),
        ("q", .quit), ("?", .help), ("h", .help), ("   ", .nothing),
    ])
    func readsTheKnownForms(_ line: String, _ expected: OutcomeEntry) {
        #expect(OutcomeEntry.parse(line) == expected)
    }

    /// A word that starts with a key letter is not that key, and a key never takes what it cannot use.
    @Test(arguments: ["dial later", "no answer", "busy", "call back tomorrow", "a hello", "q now", "z", "cc 10"])
    func refusesEverythingElse(_ line: String) {
        guard case .invalid = OutcomeEntry.parse(line) else {
            Issue.record("'\(line)' was taken as \(OutcomeEntry.parse(line))")
            return
        }
    }

    @Test func theMenuSaysWhichKeyIsWhichForSomeoneElseAnswering() {
        let menu = OutcomeMenu.lines.joined(separator: "\n")
        #expect(menu.contains("o customer not there now"))
        #expect(menu.contains("w not the customer's number"))
        #expect(menu.contains("o = someone else answered, the customer is not there now: tried again later"))
        #expect(menu.contains("w = the number is not the customer's at all: closed as ineligible (4.70)"))
        #expect(OutcomeMenu.lines.allSatisfy { $0.count <= 80 })
    }

    @Test func notThereNowIsAContactRetriedNotAFinalOutcome() {
        #expect(!CallOutcome.notThereNow.isFinal && CallOutcome.notThereNow.isContact)
        #expect(CallOutcome.notThereNow.aaporCode == "2.21")
        #expect(CallOutcome.wrongPerson.isFinal && CallOutcome.wrongPerson.aaporCode == "4.70")
        #expect(Set(CallOutcome.allCases.map(\.key)).count == CallOutcome.allCases.count)
    }
}
