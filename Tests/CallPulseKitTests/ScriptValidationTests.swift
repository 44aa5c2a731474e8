import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// One invalid script and the problem it must produce.
struct InvalidScriptCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    /// Expected `LINE:COLUMN`.
    var position: String
    var fragment: String
    var testDescription: String { name }
}

/// A one-language script header; question lines start at line 5.
private let header = """
    id: t
    title: T
    languages: [en]
    questions:

    """

@Suite struct ScriptValidationTests {
    static let cases: [InvalidScriptCase] = [
        .init(name: "malformed YAML", yaml: "id: t\ntitle: [unclosed\nquestions: x\n", position: "3:10", fragment: "malformed YAML"),
        .init(name: "missing id", yaml: "title: T\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n",
              position: "1:1", fragment: "missing 'id'"),
        .init(name: "missing questions", yaml: "id: t\ntitle: T\nlanguages: [en]\n", position: "1:1", fragment: "missing 'questions'"),
        .init(name: "unknown type", yaml: header + "  - id: a\n    type: rating\n    text: A?\n",
              position: "6:11", fragment: "unknown question type 'rating' in question 'a'"),
        .init(name: "duplicate id", yaml: header + "  - id: a\n    type: yesno\n    text: A?\n  - id: a\n    type: text\n    text: B?\n",
              position: "8:9", fragment: "duplicate question id 'a' (first used on line 5)"),
        .init(name: "id not an identifier", yaml: header + "  - id: my-q\n    type: yesno\n    text: A?\n",
              position: "5:9", fragment: "question id 'my-q' is not a simple identifier"),
        .init(name: "id is a reserved word", yaml: header + "  - id: answered\n    type: yesno\n    text: A?\n",
              position: "5:9", fragment: "reserved word"),
        .init(name: "missing text", yaml: header + "  - id: a\n    type: yesno\n",
              position: "5:5", fragment: "question 'a' is missing 'text'"),
        .init(name: "missing translation",
              yaml: "id: t\ntitle: { fi: T, en: T }\nlanguages: [fi, en]\nquestions:\n  - id: a\n    type: yesno\n    text: { fi: A }\n",
              position: "7:11", fragment: "the text of question 'a' is missing the 'en' translation"),
        .init(name: "single string with several languages",
              yaml: "id: t\ntitle: T\nlanguages: [fi, en]\nquestions:\n  - { id: a, type: text, text: { fi: A, en: A } }\n",
              position: "2:8", fragment: "title must give a text for every language (fi, en)"),
        .init(name: "unsupported language", yaml: "id: t\ntitle: T\nlanguages: [de]\nquestions:\n  - { id: a, type: text, text: A }\n",
              position: "3:13", fragment: "unsupported language 'de' (supported: fi, sv, en)"),
        .init(name: "bad range", yaml: header + "  - id: a\n    type: ces\n    min: 5\n    max: 1\n    text: A?\n",
              position: "7:10", fragment: "bad range in question 'a': min 5 must be less than max 1"),
        .init(name: "nps with another range", yaml: header + "  - id: a\n    type: nps\n    min: 1\n    text: A?\n",
              position: "7:10", fragment: "a nps question is always 0–10, not 1–10"),
        .init(name: "csat with another range", yaml: header + "  - id: a\n    type: csat\n    max: 7\n    text: A?\n",
              position: "7:10", fragment: "a csat question is always 1–5, not 1–7"),
        .init(name: "choice without options", yaml: header + "  - id: a\n    type: choice\n    text: A?\n",
              position: "5:5", fragment: "choice question 'a' has no options"),
        .init(name: "duplicate option code",
              yaml: header + "  - id: a\n    type: choice\n    text: A?\n    options:\n      - { code: x, text: X }\n      - { code: x, text: Y }\n",
              position: "10:17", fragment: "duplicate option code 'x' in question 'a'"),
        .init(name: "unknown question in condition", yaml: header + "  - id: a\n    type: yesno\n    text: A?\n    when: \"nope = 1\"\n",
              position: "8:12", fragment: "unknown question id 'nope' in the condition of question 'a'"),
        .init(name: "forward reference",
              yaml: header + "  - id: a\n    type: yesno\n    when: \"b = yes\"\n    text: A?\n  - id: b\n    type: yesno\n    text: B?\n",
              position: "7:12", fragment: "refers to 'b', which is asked after it"),
        .init(name: "self reference", yaml: header + "  - id: a\n    type: yesno\n    when: \"answered(a)\"\n    text: A?\n",
              position: "7:21", fragment: "refers to the question itself"),
        .init(name: "condition syntax error",
              yaml: header + "  - id: a\n    type: nps\n    text: A?\n  - id: b\n    type: yesno\n    when: \"a = = 1\"\n    text: B?\n",
              position: "10:16", fragment: "syntax error in the condition of question 'b': expected a question id, number or quoted string, found '='"),
        .init(name: "syntax error in a plain scalar",
              yaml: header + "  - id: a\n    type: nps\n    text: A?\n  - id: b\n    type: yesno\n    when: a >\n    text: B?\n",
              position: "10:14", fragment: "found 'end of condition'"),
        .init(name: "yesno compared with a number",
              yaml: header + "  - id: a\n    type: yesno\n    text: A?\n  - id: b\n    type: text\n    when: \"a = 3\"\n    text: B?\n",
              position: "10:16", fragment: "question 'a' is yes/no; compare it with yes or no, not 3"),
        .init(name: "choice compared with an unknown code",
              yaml: header + "  - id: a\n    type: choice\n    text: A?\n    options: [{ code: phone, text: P }]\n"
                  + "  - id: b\n    type: text\n    when: \"a in [phone, mail]\"\n    text: B?\n",
              position: "11:25", fragment: "'mail' is not an option of question 'a' (options: phone)"),
        .init(name: "number compared out of range",
              yaml: header + "  - id: a\n    type: csat\n    text: A?\n  - id: b\n    type: text\n    when: \"a = 6\"\n    text: B?\n",
              position: "10:16", fragment: "question 'a' is 1–5; 6 is never an answer"),
        .init(name: "unknown key with suggestion", yaml: header + "  - id: a\n    type: yesno\n    optinal: true\n    text: A?\n",
              position: "7:5", fragment: "unknown key 'optinal' in question 'a' (did you mean 'optional'?)"),
        .init(name: "key of another type", yaml: header + "  - id: a\n    type: nps\n    options: []\n    text: A?\n",
              position: "7:5", fragment: "key 'options' does not apply to question 'a'"),
        .init(name: "unknown top-level key", yaml: "id: t\ntitel: T\ntitle: T\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n",
              position: "2:1", fragment: "unknown key 'titel' in the script (did you mean 'title'?)"),
        .init(name: "alert with unknown question",
              yaml: header + "  - { id: csat, type: csat, text: A? }\nalerts:\n  - { when: \"cast <= 2\", reason: Unhappy }\n",
              position: "7:14", fragment: "unknown question id 'cast' in the condition of alert 1 (did you mean 'csat'?)"),
        .init(name: "alert without reason", yaml: header + "  - { id: a, type: csat, text: A? }\nalerts:\n  - when: a <= 2\n",
              position: "7:5", fragment: "alert 1 is missing 'reason'"),
        .init(name: "anchor", yaml: "id: t\ntitle: &name T\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n",
              position: "2:8", fragment: "aliases are not allowed in scripts"),
        .init(name: "alias", yaml: "id: t\ntitle: &name T\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: *name }\n",
              position: "5:32", fragment: "aliases are not allowed in scripts (found alias '*name')"),
        .init(name: "deep flow nesting", yaml: "id: t\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n",
              position: "2:67", fragment: "nesting deeper than 64 levels"),
        .init(name: "deep block nesting",
              yaml: "id: t\n" + (0..<70).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n",
              position: "66:65", fragment: "nesting deeper than 64 levels"),
    ]

    @Test(arguments: cases)
    func reportsProblemAtItsPosition(_ testCase: InvalidScriptCase) {
        let problems = ScriptTestSupport.problems(testCase.yaml)
        let match = problems.first { $0.message.contains(testCase.fragment) }
        #expect(match != nil, "no problem containing \"\(testCase.fragment)\" in \(problems.map(\.description))")
        if let match {
            #expect("\(match.line):\(match.column)" == testCase.position, "\(match)")
            #expect(match.description.hasPrefix("test.yaml:\(match.line):\(match.column): "))
        }
    }

    @Test func collectsEveryProblemInFileOrder() throws {
        let problems = ScriptTestSupport.problems(
            try String(contentsOfFile: ScriptTestSupport.fixturePath("broken"), encoding: .utf8), file: "broken.yaml")
        let summary = problems.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(summary == [
            "10:5: unknown key 'optinal' in question 'channel' (did you mean 'optional'?)",
            "11:11: the text of question 'channel' is missing the 'en' translation",
            "14:17: duplicate option code 'phone' in question 'channel'",
            "17:12: unknown question id 'later' in the condition of question 'follow_up'",
            "17:37: 'email' is not an option of question 'channel' (options: phone) in the condition of question 'follow_up'",
            "20:11: unknown question type 'rating' in question 'later' (known types: nps, ces, csat, scale, yesno, choice, number, text)",
        ])
    }

    @Test func refusesFilesOverOneMegabyte() {
        let yaml = "id: t\n# " + String(repeating: "x", count: 1_100_000) + "\n"
        let problems = ScriptTestSupport.problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("at most 1048576 bytes") == true)
    }

    @Test func refusesAliasBombWithoutExpandingIt() {
        var yaml = "id: t\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<30 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let problems = ScriptTestSupport.problems(yaml)
        #expect(problems.map(\.description) == ["test.yaml:3:10: aliases are not allowed in scripts (found alias '*a0')"])
    }

    @Test func refusesVeryDeepNestingWithoutCrashing() {
        let yaml = "id: t\nx: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(ScriptTestSupport.problems(yaml).first?.message.contains("nesting deeper than 64") == true)
    }

    @Test func errorDescriptionListsEveryProblem() {
        let error = ScriptError(problems: [
            ScriptProblem(file: "a.yaml", line: 1, column: 2, message: "one"),
            ScriptProblem(file: "a.yaml", line: 3, column: 4, message: "two"),
        ])
        #expect(error.errorDescription == "a.yaml:1:2: one\na.yaml:3:4: two")
    }
}
