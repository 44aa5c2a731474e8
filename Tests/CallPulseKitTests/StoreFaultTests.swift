import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A console whose database stops taking writes mid-interview — held locked by another program,
/// read-only, on a full disk: the agent reads what happened, the answer stays on screen, and it is
/// saved when the agent retries after the fault is gone.
@Suite(.serialized) struct StoreFaultTests {
    /// Something that stops the database from taking writes, and ends.
    struct Fault {
        let start: () throws -> Void
        let end: () throws -> Void
    }

    /// The interview with a fault starting just before the customer's words are entered and ending
    /// after the agent's first retry; returns the transcript and the saved answers.
    static func interview(database: AppDatabase, fault: Fault) throws -> (transcript: String, answers: [String: String]) {
        try database.makeTestCampaign(id: "c")
        let dir = try TemporaryDirectory()
        let list = try dir.write("list.csv", "phone,first_name,language\n040 111 1111,Aino,fi\n")
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: database).importFile(list, into: "c", options: options, now: ConsoleTests.mondayMorning)

        let output = ConsoleOutput.recording()
        let reader = FaultingReader([
            (nil, "a"), (nil, "6"),
            (fault.start, "Hinta"),      // the customer's words, typed while the database is unwritable
            (nil, ""),                    // Enter at "retry >": still failing
            (fault.end, ""),              // Enter again once the fault is gone: saved
            (nil, "4"), (nil, "4"), (nil, "k"),
        ], output: output)
        let console = try Console(database: database, campaignID: "c", agent: "liisa", reader: reader, output: output,
                                  interactive: true, clock: { ConsoleTests.mondayMorning })
        try console.run()
        let answers = try database.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT questionId, value FROM answer").map {
                ($0["questionId"] as String, $0["value"] as String)
            })
        }
        return (output.transcript, answers)
    }

    static func expectKeptAndSaved(_ transcript: String, _ answers: [String: String], message: String) {
        #expect(transcript.components(separatedBy: "! could not save the answer: \(message)").count - 1 == 2, "\(transcript)")
        #expect(transcript.contains("> Hinta\n"), "the answer stays on screen")
        #expect(transcript.contains("Nothing is lost: it is still here. Press Enter to try again."))
        #expect(transcript.contains("✓ saved Hinta"), "\(transcript)")
        #expect(transcript.contains("✓ Interview complete"), "\(transcript)")
        #expect(answers["nps_reason"] == "\"Hinta\"")
        #expect(answers.count == 5)
    }

    @Test func heldLockedByAnotherProgram() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("cp.sqlite")
        let database = try AppDatabase.open(path: path, busyTimeout: 0.3)
        let shell = try SQLiteShell(path: path)
        let fault = Fault(start: { try shell.run("BEGIN EXCLUSIVE;") }, end: { try shell.run("COMMIT;") })
        let (transcript, answers) = try Self.interview(database: database, fault: fault)
        Self.expectKeptAndSaved(transcript, answers, message: "the database '\(path)' is busy (another program holds a lock)")
    }

    @Test func readOnly() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("cp.sqlite")
        let database = try AppDatabase.open(path: path)
        // The connection refuses writes with SQLITE_READONLY, as a file that turned read-only does.
        func queryOnly(_ on: Bool) throws {
            try database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = \(on ? 1 : 0)") }
        }
        let (transcript, answers) = try Self.interview(database: database,
                                                       fault: Fault(start: { try queryOnly(true) }, end: { try queryOnly(false) }))
        Self.expectKeptAndSaved(transcript, answers, message: "the database '\(path)' is read-only")
    }

    @Test(.enabled(if: SmallDisk.available, "mounting a small tmpfs needs root (CAP_SYS_ADMIN)"))
    func onAFullDisk() throws {
        let disk = try SmallDisk(megabytes: 4)
        defer { disk.remove() }
        let path = disk.path + "/cp.sqlite"
        let database = try AppDatabase.open(path: path)
        let (transcript, answers) = try Self.interview(database: database,
                                                       fault: Fault(start: { try disk.fill() }, end: { try disk.unfill() }))
        Self.expectKeptAndSaved(transcript, answers, message: "the disk holding '\(path)' is full")
    }

    @Test func aConsoleOnAFileItMayNotWriteSaysSoBeforeAnythingIsTyped() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        // Root may write any file: run the console as nobody, as another user of the machine would.
        let asNobody = geteuid() == 0
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "a\n",
                                             asUser: asNobody ? "nobody" : nil)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the database '\(db)' is read-only; check the file's permissions"), "\(result.stderr)")
    }
}

/// Gives scripted lines, running an action before some of them: a fault starts or ends between keystrokes.
final class FaultingReader: LineReader {
    var completions: [String] = []
    var idle: (() -> Void)?
    private var steps: [(before: (() throws -> Void)?, line: String)]
    private let output: ConsoleOutput

    init(_ steps: [(before: (() throws -> Void)?, line: String)], output: ConsoleOutput) {
        self.steps = steps
        self.output = output
    }

    func readLine(prompt: String) -> LineInput {
        output.write(prompt)
        guard !steps.isEmpty else { return .endOfInput }
        let step = steps.removeFirst()
        do { try step.before?() } catch { Issue.record("the fault did not start or end: \(error)") }
        output.write(step.line + "\n")
        return .line(step.line)
    }

    func addToHistory(_ line: String) {}
}

/// The sqlite3 shell kept open on a database: another program holding it locked.
final class SQLiteShell {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Runs `sql` and waits until the shell has done it.
    func run(_ sql: String) throws {
        input.fileHandleForWriting.writeToChild(Data("\(sql)\nSELECT 'done';\n".utf8))
        var seen = ""
        while !seen.contains("done\n") {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { throw CocoaError(.fileReadUnknown) }
            seen += String(decoding: data, as: UTF8.self)
        }
    }
}

/// A small tmpfs of its own, to fill up: a real full disk.
struct SmallDisk {
    let path: String

    static let available: Bool = {
        guard geteuid() == 0, let probe = try? SmallDisk(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "callpulse-disk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.shell("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    var filler: String { path + "/filler" }

    /// Writes a file until the disk has no room left.
    func fill() throws {
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while write(fd, chunk, chunk.count) > 0 {}
    }

    func unfill() throws { try FileManager.default.removeItem(atPath: filler) }

    func remove() {
        _ = Self.shell("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func shell(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

extension StoreFaultTests {
    @Test func aPersonErasedMidInterviewEndsTheSessionWithoutARetryLoop() throws {
        let dir = try TemporaryDirectory()
        let database = try AppDatabase.open(path: dir.file("cp.sqlite"))
        let erase = Fault(start: {
            _ = try database.forget(phone: "+358401111111", actor: "dpo", allowCalls: false, force: true,
                                    now: ConsoleTests.mondayMorning)
        }, end: {})
        #expect(throws: StoreError.contactErased) { try Self.interview(database: database, fault: erase) }
    }
}
