import CallPulseTestSupport
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseStore

@Suite struct ScriptCommandTests {
    private func runCheck(_ files: [String]) -> (valid: Bool, output: [String], diagnostics: [String]) {
        var output: [String] = []
        var diagnostics: [String] = []
        let valid = ScriptCommand.Check.check(files: files, output: { output.append($0) }, diagnostics: { diagnostics.append($0) })
        return (valid, output, diagnostics)
    }

    @Test func allBundledScriptsPass() {
        let result = runCheck(ScriptLoadingTests.bundled.map(ScriptTestSupport.bundledScriptPath))
        #expect(result.valid)
        #expect(result.diagnostics.isEmpty)
        #expect(result.output.filter { $0.hasPrefix("customer-service-pulse: ") || $0.hasPrefix("mystery-shopping: ") }.count == 2)
    }

    @Test func keepsCheckingAfterAFailureAndReportsEveryProblem() {
        let broken = ScriptTestSupport.fixturePath("broken")
        let minimal = ScriptTestSupport.fixturePath("valid-minimal")
        let result = runCheck([broken, "/no/such/script.yaml", minimal])
        #expect(!result.valid)
        #expect(result.diagnostics.count == 7)
        #expect(result.diagnostics.first == "\(broken):10:5: unknown key 'optinal' in question 'channel' (did you mean 'optional'?)")
        #expect(result.diagnostics.last?.hasPrefix("/no/such/script.yaml: cannot read: ") == true)
        #expect(result.output.first?.hasPrefix("minimal: Minimal") == true)
    }

    @Test func commandParsesFiles() throws {
        let command = try CallPulseCommand.parseAsRoot(["script", "check", "a.yaml", "b.yaml"])
        #expect((command as? ScriptCommand.Check)?.files == ["a.yaml", "b.yaml"])
    }

    @Test func controlCharactersFromFilesAreReplaced() throws {
        let dir = try TemporaryDirectory()
        let valid = try dir.write("ok.yaml", "id: t\ntitle: \"T\\e[2J\"\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: \"A\\u202E?\" }\n")
        let broken = try dir.write("bad.yaml", "id: t\ntitle: T\nlanguages: [en]\nquestions:\n  - { id: a, type: \"x\\e]0;owned\\a\", text: A }\n")
        let result = runCheck([valid, broken])
        #expect(result.output.first?.hasPrefix("t: T?[2J\n") == true)
        #expect(result.output.joined().contains("A??"))
        #expect(result.diagnostics == ["\(broken):5:20: unknown question type 'x?]0;owned?' in question 'a' (known types: nps, ces, csat, scale, yesno, choice, number, text)"])
    }
}
