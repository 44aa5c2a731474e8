import ArgumentParser
import Foundation
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseStore

/// Every command's help reads cleanly at 80 columns: prose wraps where the terminal wraps it, not
/// where the source line ended, and each option names its default once.
@Suite struct HelpTextTests {
    /// Every command, as the words after `callpulse`, with its type.
    static let commands: [([String], any ParsableCommand.Type)] = {
        var found: [([String], any ParsableCommand.Type)] = []
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) {
            found.append((path, type))
            for sub in type.configuration.subcommands { walk(sub, path + [sub._commandName]) }
        }
        walk(CallPulseCommand.self, [])
        return found
    }()

    @Test func abstractsAndDiscussionsHaveNoHardLineBreaksOrRunsOfSpaces() {
        for (path, type) in Self.commands {
            let name = (["callpulse"] + path).joined(separator: " ")
            for text in [type.configuration.abstract, type.configuration.discussion] {
                let paragraphs = text.components(separatedBy: "\n\n")
                #expect(!paragraphs.contains { $0.contains("\n") }, "\(name): a line break inside a paragraph: \(text)")
                #expect(!text.contains("  "), "\(name): a run of spaces: \(text)")
            }
        }
    }

    @Test func everyHelpFitsEightyColumnsAndNamesEachDefaultOnce() throws {
        #expect(Self.commands.count > 20)
        for (path, _) in Self.commands {
            let result = try CallPulseBinary.run(["help"] + path, environment: ["COLUMNS": "80", "LINES": "24"])
            let name = (["callpulse"] + path).joined(separator: " ")
            #expect(result.status == 0, "\(name): \(result.stderr)")
            var entries: [String] = []
            for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.count <= 80, "\(name): \(line)")
                if line.hasPrefix(String(repeating: " ", count: 26)), !entries.isEmpty {
                    entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    entries.append(String(line))
                }
            }
            for entry in entries {
                #expect(entry.components(separatedBy: "(default:").count <= 2, "\(name): \(entry)")
            }
            try Self.expectUsageNamesEverything(help: result.stdout, command: name)
        }
    }

    /// A usage spelled out for `CommandUsage` must not drift from the command: every option and
    /// argument the help lists is in it.
    static func expectUsageNamesEverything(help: String, command: String) throws {
        let lines = help.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("USAGE: ") }, "\(command): no usage")
        var usage = lines[start]
        for line in lines[(start + 1)...] where line.hasPrefix("       ") { usage += " " + line }
        let padded = " " + usage.split(separator: " ").joined(separator: " ").replacingOccurrences(of: "[", with: " ")
            .replacingOccurrences(of: "]", with: " ") + " "
        for line in lines where line.hasPrefix("  -") || line.hasPrefix("  <") {
            let label = line.dropFirst(2).split(separator: " ").first.map(String.init) ?? ""
            let name = label.hasPrefix("-") ? String(line.dropFirst(2).split(separator: " ").first { $0.hasPrefix("--") } ?? "")
                                            : label
            if name.isEmpty || name == "--version" || name == "--help" { continue }
            #expect(padded.contains(" \(name) "), "\(command): \(name) is not in the usage: \(usage)")
        }
    }

    @Test func usagesBreakBetweenElements() {
        let usage = CommandUsage.wrapped(
            "callpulse x [--db <DB>] <phones> ... --client <NAME> [--since <YYYY-MM-DD[ HH:MM]>] [--long <VALUE>] --out <FILE>",
            width: 40)
        #expect(usage == """
            callpulse x [--db <DB>] <phones> ...
              --client <NAME>
              [--since <YYYY-MM-DD[ HH:MM]>]
              [--long <VALUE>] --out <FILE>
            """)
    }
}
