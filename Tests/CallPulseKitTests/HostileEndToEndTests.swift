import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// Hostile files through the built `callpulse` binary: exit status, the words on stderr, and a
/// terminal that never receives a control character.
@Suite(.serialized) struct HostileEndToEndTests {
    let dir: TemporaryDirectory
    let db: String

    init() throws {
        dir = try TemporaryDirectory()
        db = dir.file("cp.sqlite")
        let create = try CallPulseBinary.run(["campaign", "create", "c", "--script", Repository.path("Scripts/customer-service-pulse.yaml"),
                                              "--client", "C", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
    }

    func importFixture(_ name: String) throws -> CommandResult {
        try CallPulseBinary.run(["import", "c", HostileCallListTests.fixture(name), "--rejects", dir.file("rejects.csv"), "--db", db])
    }

    @Test(arguments: [
        ("nul-byte.csv", " line 4: a NUL byte (is this a binary or UTF-16 file?); nothing was imported"),
        ("duplicate-headers.csv", " line 1: columns 2 and 3 are both named 'first_name'; rename one; nothing was imported"),
        ("no-phone-column.csv", " line 1: no phone column: none of the columns (name, email) is named phone"),
        ("unterminated-quote.csv", " line 4: unterminated quote starting at line 4; nothing was imported"),
        ("empty.csv", ": the file is empty (no header row); nothing was imported"),
    ])
    func refusedImportsExitNonZeroNamingFileLineAndProblem(_ name: String, _ message: String) throws {
        let result = try importFixture(name)
        #expect(result.status == 1)
        #expect(result.stderr.contains(HostileCallListTests.fixture(name) + message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.file("rejects.csv")))
        let show = try CallPulseBinary.run(["campaign", "show", "c", "--db", db])
        #expect(show.stdout.contains("loaded: 0"))
    }

    @Test func escapesInAListAreImportedButNeverPrinted() throws {
        let result = try importFixture("terminal-escapes.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fields kept: note?[5m"))
        #expect(result.stdout.contains("'0451234567?[31m' is not a phone number"))
        #expect(!TerminalSafety.hasUnsafeScalars(result.stdout + result.stderr))
        let show = try CallPulseBinary.run(["campaign", "show", "c", "--db", db])
        #expect(show.stdout.contains("loaded: 3") && show.stdout.contains("contact fields: note?[5m"))
        #expect(!TerminalSafety.hasUnsafeScalars(show.stdout))
    }

    @Test func hostileScriptsFailCheckAndCreateWithCleanMessages() throws {
        let files = ["control-characters.yaml", "latin1.yaml", "billion-laughs.yaml", "deep-condition.yaml", "tabs.yaml"]
            .map { HostileCorpus.path(HostileScriptTests.folder, $0) }
        let check = try CallPulseBinary.run(["script", "check"] + files)
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count)
        for (line, file) in zip(lines, files) { #expect(line.hasPrefix(file + ":"), "\(line)") }
        #expect(!TerminalSafety.hasUnsafeScalars(check.stderr))
        let create = try CallPulseBinary.run(["campaign", "create", "d", "--script", files[0], "--client", "C", "--db", db])
        #expect(create.status == 1)
        #expect(create.stderr.contains(files[0] + ":5:20: unknown question type '?[2J?31m?'"))
        #expect(!TerminalSafety.hasUnsafeScalars(create.stderr))
        let script = try dir.write("evil-id.yaml", "id: \"evil\\e[2J\"\ntitle: \"T\\u202E\"\nlanguages: [en]\nquestions:\n  - { id: a, type: text, text: A }\n")
        let created = try CallPulseBinary.run(["campaign", "create", "e", "--script", script, "--client", "C\u{1B}[2J", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created campaign e for C?[2J: T?") && created.stdout.contains("Script evil?[2J copied"))
        let list = try CallPulseBinary.run(["campaign", "list", "--db", db])
        #expect(list.stdout.contains("evil?[2J"))
        #expect(!TerminalSafety.hasUnsafeScalars(created.stdout + list.stdout))
        let device = try CallPulseBinary.run(["script", "check", "/dev/zero"])
        #expect(device.status == 1 && device.stderr.hasPrefix("/dev/zero:1:1: the file is over 1048576 bytes"))
    }
}
