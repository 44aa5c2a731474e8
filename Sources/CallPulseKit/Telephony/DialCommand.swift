import CallPulseDomain
import Foundation

/// `--dial-command 'CMD'`: dials through anything that is not a softphone CallPulse drives (a desk
/// phone's click-to-dial over HTTP, a script that talks to the center's PBX). CMD runs under
/// `/bin/sh -c` with every `{e164}` replaced by the number (single-quoted for the shell) and the
/// number in the environment as `CALLPULSE_E164`; the agent then codes the outcome by key.
public struct DialCommand: Sendable, Equatable {
    public let template: String

    public init(template: String) throws {
        guard !template.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw TelephonyError.commandFailed("--dial-command is empty")
        }
        self.template = template
    }

    /// The shell command line for a number.
    public func commandLine(for e164: String) -> String {
        template.replacingOccurrences(of: "{e164}", with: "'" + e164.replacingOccurrences(of: "'", with: "'\\''") + "'")
    }

    /// Runs the command for `e164` and waits (up to `timeout` seconds) for it to finish; throws
    /// when it cannot start, fails, or takes longer. Its output is passed through to the agent.
    public func run(e164: String, timeout: TimeInterval = 30) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", commandLine(for: e164)]
        var environment = ProcessInfo.processInfo.environment
        environment["CALLPULSE_E164"] = e164
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw TelephonyError.commandFailed("cannot start /bin/sh: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            throw TelephonyError.commandFailed("'\(template)' did not finish within \(Int(timeout)) seconds; it was stopped")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw TelephonyError.commandFailed("'\(template)' ended with status \(process.terminationStatus)")
        }
    }
}
