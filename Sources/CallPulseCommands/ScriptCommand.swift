import ArgumentParser
import CallPulseDomain
import CallPulseKit
import Foundation

/// `callpulse script …`: work with interview scripts.
public struct ScriptCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "Work with interview scripts (Scripts/*.yaml).",
        subcommands: [Check.self]
    )

    public init() {}
}

extension ScriptCommand {
    /// `callpulse script check FILE…`: prints each valid script's outline, every problem of the others.
    public struct Check: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check interview scripts and print their outlines.",
            discussion: """
                Problems are printed on standard error as FILE:LINE:COLUMN: message. \
                Every file is checked; the exit status is non-zero if any has a problem.
                """
        )

        @Argument(help: "The script files to check.")
        public var files: [String]

        public init() {}

        public func run() throws {
            let allValid = Self.check(
                files: files,
                output: { print($0) },
                diagnostics: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
            if !allValid { throw ExitCode.failure }
        }

        /// Checks each file in turn; returns whether all were valid.
        ///
        /// Outlines go to `output` (separated by a blank line), problems and unreadable files
        /// (`FILE: cannot read: reason`) to `diagnostics`, one per call. Control characters
        /// from the files are replaced so a script cannot drive the terminal.
        public static func check(files: [String], output: (String) -> Void, diagnostics: (String) -> Void) -> Bool {
            var allValid = true
            var printedOutline = false
            for file in files {
                do {
                    let script = try InterviewScript.parse(yaml: try ScriptFile.contents(of: file), file: file)
                    if printedOutline { output("") }
                    output(Terminal.sanitize(script.outline(), singleLine: false))
                    printedOutline = true
                } catch let error as ScriptFile.ReadError {
                    diagnostics(Terminal.sanitize("\(file): cannot read: \(error.reason)"))
                    allValid = false
                } catch let error as ScriptError {
                    error.problems.forEach { diagnostics($0.description) }
                    allValid = false
                } catch {
                    diagnostics(Terminal.sanitize("\(file): \(error.localizedDescription)"))
                    allValid = false
                }
            }
            return allValid
        }
    }
}
