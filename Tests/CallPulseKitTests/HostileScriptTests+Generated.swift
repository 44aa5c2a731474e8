import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The big hostile scripts, made at run time: each ends in a clear problem, never a hang or a crash.
@Suite struct HostileGeneratedScriptTests {
    static let head = "id: t\ntitle: T\nlanguages: [en]\nquestions:\n"

    let dir: TemporaryDirectory
    init() throws { dir = try TemporaryDirectory() }

    /// The diagnostics of `script check` on a file holding `yaml`, checked for form.
    func problems(_ yaml: String, name: String = "big.yaml") throws -> [String] {
        let file = try dir.write(name, yaml)
        let result = HostileScriptTests.check(file)
        #expect(!result.valid)
        HostileScriptTests.expect(result.diagnostics, for: file, toContain: [])
        return result.diagnostics.map { String($0.dropFirst(file.count + 1)) }
    }

    @Test func aFiftyMegabyteScriptIsRefusedUnread() throws {
        let line = "  - { id: q, type: text, text: \"\(String(repeating: "x", count: 60))\" }\n"
        let yaml = Self.head + String(repeating: line, count: 50 * 1_048_576 / line.utf8.count)
        let file = try dir.write("huge.yaml", yaml)
        let size = yaml.utf8.count
        let message = "1:1: the file is \(size) bytes; scripts may be at most 1048576 bytes (1 MB)"
        #expect(HostileScriptTests.check(file).diagnostics == ["\(file):\(message)"])
        let loaded = try #require(throws: ScriptError.self) { try InterviewScript.load(contentsOf: URL(fileURLWithPath: file)) }
        #expect(loaded.problems.map(\.description) == ["\(file):\(message)"])
        #expect(throws: CampaignError.invalidScript("\(file):\(message)")) {
            try Campaign.make(id: "c", scriptFile: file, client: "C", title: nil, fields: [], rules: CampaignRules(), now: 0)
        }
    }

    @Test func aDeviceWithoutASizeIsReadOnlyUpToTheLimit() {
        #expect(HostileScriptTests.check("/dev/zero").diagnostics
            == ["/dev/zero:1:1: the file is over 1048576 bytes; scripts may be at most 1048576 bytes (1 MB)"])
    }

    @Test(arguments: [
        ("flow sequences", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        ("flow mappings", String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000)),
        ("block sequences on one line", String(repeating: "- ", count: 10_000) + "x"),
    ])
    func tenThousandLevelsOfNesting(_ kind: String, _ value: String) throws {
        let problems = try problems("id: t\nx: " + value + "\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix(": nesting deeper than 64 levels is not allowed in scripts") == true, "\(problems)")
    }

    @Test(arguments: [
        ("parentheses", String(repeating: "(", count: 10_000) + "a = yes" + String(repeating: ")", count: 10_000),
         "parentheses and 'not' nest deeper than 32 levels"),
        ("not", String(repeating: "not ", count: 10_000) + "a = yes", "parentheses and 'not' nest deeper than 32 levels"),
        ("and", Array(repeating: "a = yes", count: 10_000).joined(separator: " and "), "more than 256 'and'/'or' in one condition"),
    ])
    func tenThousandLevelsInACondition(_ kind: String, _ condition: String, _ message: String) throws {
        let yaml = Self.head + "  - { id: a, type: yesno, text: A }\n  - { id: b, type: yesno, text: B, when: \"\(condition)\" }\n"
        let problems = try problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("syntax error in the condition of question 'b': \(message)") == true, "\(problems)")
    }

    @Test func aScriptFullOfMistakesStopsAtAHundredProblems() throws {
        let questions = (0..<4_000).map { "  - { id: q\($0), type: yesno, text: Q, when: \"nope\($0) = yes\" }\n" }
        let problems = try problems(Self.head + questions.joined())
        #expect(problems.count == 101)
        #expect(problems.dropLast().allSatisfy { $0.contains(": unknown question id 'nope") && !$0.contains("did you mean") })
        #expect(problems.last?.hasSuffix(": too many problems: stopped after 100; fix these first") == true)
    }

    /// 12,000 options (0.8 MB): the duplicate-code check was quadratic (4 s for every command that
    /// loads the script); a set keeps it linear. The last option repeats the first code.
    @Test func twelveThousandOptionsAreCheckedAndADuplicateIsStillFound() throws {
        let options = (0..<12_000).map { "      - { code: o\($0), text: \"Option number \($0) of this choice\" }\n" }
        let yaml = Self.head + "  - id: a\n    type: choice\n    text: A?\n    options:\n" + options.joined()
            + "      - { code: o0, text: Again }\n"
        let problems = try problems(yaml)
        #expect(problems == ["12009:17: duplicate option code 'o0' in question 'a'"])
    }
}
