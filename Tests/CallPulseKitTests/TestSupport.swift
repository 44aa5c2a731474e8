import CallPulseTestSupport
import Foundation
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// What running the built `callpulse` binary produced.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `callpulse` executable, the way a person or a script would.
enum CallPulseBinary {
    /// The binary `swift build`/`swift test` put beside the test bundle.
    static let path: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("callpulse").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Repository.path(".build/debug/callpulse")
    }()

    /// - Parameter umask: run under this file-creation mask (through `/bin/sh`), e.g. `0o000`.
    @discardableResult
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    directory: String? = nil, asUser user: String? = nil, umask: Int? = nil) throws -> CommandResult {
        let process = Process()
        if let user {
            // util-linux setpriv: the same binary as another user (the test runs as root).
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=nogroup", "--clear-groups", path] + arguments
        } else if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(String(umask, radix: 8)) && exec \"$0\" \"$@\"", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CALLPULSE_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.writeToChild(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read stderr on another thread so neither pipe can fill up and stall the child.
        nonisolated(unsafe) var errData = Data()
        let done = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        errorReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension AppDatabase {
    /// A campaign made from one of the bundled scripts, for tests.
    @discardableResult
    func makeTestCampaign(id: String = "test", script: String = "Scripts/customer-service-pulse.yaml",
                          fields: [String] = []) throws -> Campaign {
        let campaign = try Campaign.make(id: id, scriptFile: Repository.path(script), client: "Testi Oy", title: nil,
                                         fields: fields, rules: CampaignRules(), now: 1_700_000_000)
        try createCampaign(campaign, actor: "tester")
        return campaign
    }
}

extension AppDatabase {
    /// Imports a call list with the given CSV text into a campaign, as `tester`.
    func importTestList(_ csv: String, into campaignID: String = "c", in dir: TemporaryDirectory, now: Int64) throws {
        let list = try dir.write("list-\(UUID().uuidString).csv", csv)
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: self).importFile(list, into: campaignID, options: options, now: now)
    }

    /// Gives `holder` the lease on a contact until `until`, as a claim would, for tests that write
    /// for an agent without claiming through the queue.
    func holdLease(contactID: Int64, holder: LeaseHolder, until: Int64) throws {
        try write { db in
            try db.execute(sql: "UPDATE contact SET leaseAgent = ?, leaseSession = ?, leaseUntil = ? WHERE id = ?",
                           arguments: [holder.agent, holder.session, until, contactID])
        }
    }

    /// Runs one non-interactive console session on the lines given, at the clock's time.
    func runTestSession(_ lines: [String], campaignID: String = "c", agent: String = "liisa", clock: TestClock) throws {
        let output = ConsoleOutput.recording()
        let console = try Console(database: self, campaignID: campaignID, agent: agent,
                                  reader: ScriptedLineReader(lines.map { .line($0) }, output: output),
                                  output: output, interactive: false, clock: { clock.now })
        try console.run()
    }
}

extension FileHandle {
    /// Writes to a child's standard input. The child may exit before it reads everything (a
    /// refused import, a killed console): the write then fails with EPIPE, which the test sees in
    /// the child's output and status, instead of the SIGPIPE that would end the whole test run.
    func writeToChild(_ data: Data) {
        _ = FileHandle.brokenPipesIgnored
        try? write(contentsOf: data)
    }

    private static let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()
}

/// A database file in its own temporary directory, for suites that build their campaign themselves.
final class TestStore {
    let dir: TemporaryDirectory
    let db: AppDatabase

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
    }
}

/// SplitMix64: a small seeded random number generator, so a randomized test sees the same inputs
/// on every run and a failing run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
