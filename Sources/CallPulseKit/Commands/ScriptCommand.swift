import ArgumentParser
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
                let yaml: String
                do {
                    yaml = try readScript(file)
                } catch {
                    diagnostics(sanitized("\(file): cannot read: \(error.localizedDescription)"))
                    allValid = false
                    continue
                }
                do {
                    let script = try InterviewScript.parse(yaml: yaml, file: file)
                    if printedOutline { output("") }
                    output(sanitized(script.outline()))
                    printedOutline = true
                } catch let error as ScriptError {
                    error.problems.forEach { diagnostics(sanitized($0.description)) }
                    allValid = false
                } catch {
                    diagnostics(sanitized("\(file): \(error.localizedDescription)"))
                    allValid = false
                }
            }
            return allValid
        }

        /// Reads a script file as UTF-8, refusing anything over the size limit before reading it.
        private static func readScript(_ file: String) throws -> String {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw CocoaError(.fileReadInvalidFileName, userInfo: [NSLocalizedDescriptionKey: "it is a directory"])
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            if size > ScriptInputGuard.maximumBytes {
                throw CocoaError(.fileReadTooLarge, userInfo: [
                    NSLocalizedDescriptionKey: "the file is \(size) bytes; scripts may be at most \(ScriptInputGuard.maximumBytes) bytes (1 MB)",
                ])
            }
            return try String(contentsOfFile: file, encoding: .utf8)
        }

        /// `text` with control characters other than newline and tab replaced by U+FFFD.
        static func sanitized(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" ? "\u{FFFD}" : scalar
            }))
        }
    }
}
