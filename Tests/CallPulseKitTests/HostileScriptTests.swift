import Foundation
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseStore

/// One hostile script file and the problems `callpulse script check` must print for it.
struct HostileScript: CustomTestStringConvertible, Sendable {
    var file: String
    /// `LINE:COLUMN: fragment` for each problem expected; empty means the script is valid.
    var problems: [String]
    var testDescription: String { file }
}

/// Every file in Fixtures/hostile/scripts/ (see the README.md there) through `script check`,
/// then the big hostile scripts made at run time. Time is bounded by the input guard's limits
/// (1 MB, 64 levels, no aliases, 100 problems), never measured.
@Suite struct HostileScriptTests {
    static let folder = "Fixtures/hostile/scripts"

    static let cases: [HostileScript] = [
        .init(file: "missing-keys.yaml", problems: ["1:1: missing 'languages'", "1:1: missing 'title'", "3:5: question 'a' is missing 'text'"]),
        .init(file: "wrong-types.yaml", problems: [
            "1:5: id must be a single value, not a list", "3:12: 'languages' must be a non-empty list",
            "7:10: 'min' of question 'a' must be a number, not 'five'", "8:15: 'optional' of question 'a' must be true or false, not 'maybe'",
            "9:11: the text of question 'a' must be a text or a mapping of language to text",
        ]),
        .init(file: "unknown-kind.yaml", problems: ["6:11: unknown question type 'rating' in question 'a' (known types: nps, ces"]),
        .init(file: "bad-condition.yaml", problems: ["8:21: syntax error in the condition of question 'b': unexpected character '&'"]),
        .init(file: "forward-reference.yaml", problems: ["7:12: the condition of question 'a' refers to 'b', which is asked after it"]),
        .init(file: "duplicate-ids.yaml", problems: ["6:11: duplicate question id 'a' (first used on line 5)"]),
        .init(file: "empty-choices.yaml", problems: ["8:14: choice question 'a' has no options"]),
        .init(file: "scale-min-over-max.yaml", problems: ["7:10: bad range in question 'a': min 7 must be less than max 1"]),
        .init(file: "unknown-language.yaml", problems: ["3:17: unsupported language 'de' (supported: fi, sv, en)"]),
        .init(file: "missing-translation.yaml", problems: ["7:11: the text of question 'a' is missing the 'sv' translation"]),
        .init(file: "duplicate-keys.yaml", problems: ["3:1: malformed YAML: duplicate key 'id' in one mapping"]),
        .init(file: "duplicate-keys-crlf.yaml", problems: ["8:5: malformed YAML: duplicate key 'type' in one mapping"]),
        .init(file: "alerts-wrong-shape.yaml", problems: [
            "7:5: alert 1 must be a mapping with 'when' and 'reason'", "8:5: alert 2 is missing 'reason'",
        ]),
        .init(file: "not-a-mapping.yaml", problems: ["1:1: a script must be a mapping with id, title, languages and questions"]),
        .init(file: "empty-file.yaml", problems: ["1:1: a script must be a mapping with id, title, languages and questions"]),
        .init(file: "two-documents.yaml", problems: ["6:1: malformed YAML: but found another document"]),
        .init(file: "unclosed-quote.yaml", problems: ["8:1: malformed YAML: found unexpected end of stream (while scanning a quoted scalar at 7:11)"]),
        .init(file: "control-characters.yaml", problems: ["5:20: unknown question type '?[2J?31m?' in question 'a'"]),
        .init(file: "tabs.yaml", problems: ["5:1: a tab cannot indent YAML; use spaces"]),
        .init(file: "latin1.yaml", problems: ["2:11: byte 0xE4 is not UTF-8 (was the file saved as Latin-1 or Windows-1252?)"]),
        .init(file: "nul-byte.yaml", problems: ["2:9: malformed YAML: control characters are not allowed (U+0000)"]),
        .init(file: "utf8-bom.yaml", problems: []),
        .init(file: "utf16le-bom.yaml", problems: []),
        .init(file: "utf16-odd-length.yaml", problems: ["6:1: the UTF-16 text ends in the middle of a character"]),
        .init(file: "billion-laughs.yaml", problems: ["3:14: aliases are not allowed in scripts (found alias '*lol0')"]),
        .init(file: "billion-laughs-crlf.yaml", problems: ["4:14: aliases are not allowed in scripts (found alias '*lol0')"]),
        .init(file: "merge-key.yaml", problems: ["5:11: aliases are not allowed in scripts (found alias '*base')"]),
        .init(file: "deep-condition.yaml", problems: ["8:44: syntax error in the condition of question 'b': parentheses and 'not' nest deeper than 32 levels"]),
        // Ranges that made stats allocate 32 GB, loop for ever or trap (second pass)
        .init(file: "scale-two-billion.yaml", problems: ["7:10: bad range in question 'a': 'min' is -2000000000; a scale's ends must lie within ±1000000"]),
        .init(file: "scale-billion-wide.yaml", problems: ["8:10: bad range in question 'a': 'max' is 1000000000; a scale's ends must lie within ±1000000"]),
        .init(file: "scale-int64-range.yaml", problems: ["7:10: bad range in question 'a': 'min' is -9223372036854775808"]),
        .init(file: "scale-beyond-int64.yaml", problems: ["8:10: 'max' of question 'a' must be a whole number, not '99999999999999999999'"]),
        .init(file: "scale-too-many-points.yaml", problems: ["8:10: bad range in question 'a': 0–1000 has 1001 points; a scale has at most 101 (such as 0–100)"]),
        .init(file: "ces-too-many-points.yaml", problems: ["8:10: bad range in question 'a': 1–500 has 500 points"]),
        .init(file: "nps-billion.yaml", problems: ["8:10: bad range in question 'a': a nps question is always 0–10, not 0–1000000000"]),
        .init(file: "scale-0-100.yaml", problems: []),
        .init(file: "number-bounds-huge.yaml", problems: [
            "7:10: 'min' of question 'a' is -1e+300: a number question's bounds must lie within ±10^15",
            "8:10: 'max' of question 'a' is 1e+300: a number question's bounds must lie within ±10^15",
        ]),
        .init(file: "number-bounds-infinite.yaml", problems: ["7:10: 'max' of question 'a' must be a number, not '.inf'"]),
        // Question ids that would repeat a column of the export (second pass)
        .init(file: "reserved-id-phone.yaml", problems: ["5:11: question id 'phone' is the name of a column the export writes itself"]),
        .init(file: "reserved-ids.yaml", problems: [
            "5:11: question id 'agent' is the name of a column", "6:11: question id 'notes' is the name of a column",
            "7:11: question id 'interview_id' is the name of a column", "8:11: question id 'disposition' is the name of a column",
        ]),
        .init(file: "reserved-id-case.yaml", problems: ["5:11: question id 'Phone' is the name of a column the export writes itself"]),
    ]

    static func fixture(_ name: String) -> String { HostileCorpus.path(folder, name) }

    /// What `script check` prints for `file`: whether it was valid, the outline lines and the diagnostics.
    static func check(_ file: String) -> (valid: Bool, output: String, diagnostics: [String]) {
        var output = ""
        var diagnostics: [String] = []
        let valid = ScriptCommand.Check.check(files: [file], output: { output += $0 }, diagnostics: { diagnostics.append($0) })
        return (valid, output, diagnostics)
    }

    /// Checks `diagnostics` for `file` hold each expected `LINE:COLUMN: fragment`, all in the
    /// `FILE:LINE:COLUMN: message` form and none with a control character.
    static func expect(_ diagnostics: [String], for file: String, toContain expected: [String]) {
        for diagnostic in diagnostics {
            #expect(diagnostic.hasPrefix(file + ":"), "\(diagnostic)")
            let position = diagnostic.dropFirst(file.count + 1).prefix { $0 != " " }
            #expect(position.range(of: #"^[0-9]+:[0-9]+:$"#, options: .regularExpression) != nil, "\(diagnostic)")
            #expect(!TerminalSafety.hasUnsafeScalars(diagnostic))
        }
        for problem in expected {
            #expect(diagnostics.contains { $0.hasPrefix("\(file):\(problem)") }, "no \"\(problem)\" in \(diagnostics)")
        }
    }

    @Test(arguments: cases)
    func checkPrintsEachProblemWithFileLineAndColumn(_ script: HostileScript) {
        let file = Self.fixture(script.file)
        let result = Self.check(file)
        #expect(result.valid == script.problems.isEmpty)
        if script.problems.isEmpty {
            #expect(result.output.hasPrefix("t: Hyvää päivää\n") && result.diagnostics.isEmpty, "\(result.diagnostics)")
        } else {
            Self.expect(result.diagnostics, for: file, toContain: script.problems)
        }
    }

    @Test func everyFixtureHasACaseAndALineInTheReadme() throws {
        try HostileCorpus.expectCovered(Self.folder, by: Self.cases.map(\.file))
    }
}
