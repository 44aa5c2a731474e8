import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `callpulse agent --phone` against real SIP on this machine: the agent's baresip, and as the
/// customer a baresip that answers or a SIPp that answers with a status (see `SIPLab`).
@Suite(.serialized, .enabled(if: SIPLab.available, Comment(rawValue: SIPLab.missing)))
struct TelephonyEndToEndTests {
    static func calls(_ db: String) throws -> [CallRecord] {
        try AppDatabase.open(path: db).read { try CallRecord.order(Column("id")).fetchAll($0) }
    }

    static func agent(_ db: String, _ lab: SIPLab, ring: Int = 10) -> [String] {
        ["agent", "c", "--agent", "liisa", "--db", db, "--ring-seconds", String(ring)] + lab.phoneArguments
    }

    @Test func anAnsweredCallGoesStraightToTheInterviewAndIsHungUpAtItsEnd() throws {
        let lab = try SIPLab(customer: .answers)
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let result = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\n3\nJonotus kesti\n2\n1\nk\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Enter (an empty line) dials +358 40 1000000."))
        #expect(result.stdout.contains("✓ answered — the interview starts"), "\(result.stdout)")
        #expect(result.stdout.contains("✓ Interview complete (AAPOR 1.1): 5 answers saved."))
        #expect(result.stdout.contains("call hung up"))
        let calls = try Self.calls(db)
        #expect(calls.map(\.outcome) == [.answered])
        #expect(calls.first?.paradata?.sipStatus == 200)
        #expect(calls.first?.paradata?.codedBy == .line)
        #expect(calls.first?.paradata?.talkSeconds != nil)
        #expect(lab.agentLog.contains("Call established"))
        #expect(lab.agentLog.contains("terminate call"), "the call was not hung up: \(lab.agentLog.suffix(400))")
    }

    @Test func busyIsCodedByTheLineAndTheAgentMayOverride() throws {
        let lab = try SIPLab(customer: .rejects(486, "Busy Here"))
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: lab.directory)
        // First contact: the line's busy is saved with Enter; second: the agent types n instead.
        let result = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\n\n\nn\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the line says: 486 Busy Here → busy"), "\(result.stdout)")
        let calls = try Self.calls(db)
        #expect(calls.map(\.outcome) == [.busy, .noAnswer])
        #expect(calls.map { $0.paradata?.codedBy } == [.line, .agent])
        #expect(calls.map { $0.paradata?.sipStatus } == [486, 486])
        let book = lab.directory.file("calls-codebook.csv")
        let export = try CallPulseBinary.run(["export", "c", "--calls", "--codebook", book, "--db", db])
        let codebook = try String(contentsOfFile: book, encoding: .utf8)
        #expect(codebook.hasPrefix("variable,type,description\r\ncall_id,integer,"), "\(codebook)")
        #expect(codebook.contains("\r\nsip_status,integer,") && codebook.contains("\r\ncoded_by,code,line: the outcome"), "\(codebook)")
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first?.contains("sip_status") == true, "\(lines.first ?? "")")
        #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.contains("486,Busy Here") }, "\(export.stdout)")
        #expect(lines.dropFirst().map { $0.hasSuffix(",line") || $0.hasSuffix(",agent") } == [true, true], "\(export.stdout)")
        #expect(lines.last?.hasSuffix(",agent") == true)
        let stats = try CallPulseBinary.run(["stats", "c", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        let line = stats.stdout.split(separator: "\n").first { $0.contains("liisa") && $0.contains("%") }
        #expect(stats.stdout.contains("DIALLED BY CALLPULSE"), "\(stats.stdout)")
        #expect(line.map { $0.contains(" 2 ") && $0.contains("50.0 %") } == true, "\(stats.stdout)")
        let json = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        #expect(json.stdout.contains("\"lineCodedShare\" : 0.5"), "\(json.stdout)")
    }

    @Test func quittingAfterTheLineSaidBusyKeepsTheAttempt() throws {
        let lab = try SIPLab(customer: .rejects(486, "Busy Here"))
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let result = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✓ busy"), "\(result.stdout)")
        let calls = try Self.calls(db)
        #expect(calls.map(\.outcome) == [.busy])
        #expect(calls.first?.paradata?.sipStatus == 486)
        #expect(calls.first?.paradata?.codedBy == .line)
    }

    @Test func nothingWithinTheRingTimeIsNoAnswerAndCallPulseHangsUp() throws {
        let lab = try SIPLab(customer: .nobody)
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let result = try CallPulseBinary.run(Self.agent(db, lab, ring: 1), stdin: "\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the line says: no answer within the ring time → no answer"), "\(result.stdout)")
        let calls = try Self.calls(db)
        #expect(calls.map(\.outcome) == [.noAnswer])
        #expect(calls.first?.paradata?.codedBy == .line)
        #expect(calls.first?.paradata?.sipStatus == nil)
    }

    @Test func notFoundIsNotInUseOnlyOnTheSecondAttempt() throws {
        let lab = try SIPLab(customer: .rejects(404, "Not Found"))
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let first = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\n\n")
        #expect(first.stdout.contains("404 Not Found → technical problem on the line (a first 'no such number' is retried"),
                "\(first.stdout)")
        try AppDatabase.open(path: db).write { try $0.execute(sql: "UPDATE contact SET nextCallAt = 0") }
        let second = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\n\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("404 Not Found → number not in use"), "\(second.stdout)")
        #expect(try Self.calls(db).map(\.outcome) == [.technicalProblem, .notInUse])
        let contact = try AppDatabase.open(path: db).read { try Contact.fetchOne($0) }
        #expect(contact?.status == .done)
    }

    @Test func aSoftphoneKilledMidCallKeepsTheContactForManualCoding() throws {
        let lab = try SIPLab(customer: .nobody)
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let console = try ConsoleProcess(Self.agent(db, lab, ring: 30))
        console.send("")
        #expect(console.waitFor("calling +358 40 1000000"), "\(console.transcript)")
        lab.killAgentPhone()
        #expect(console.waitFor("The contact is kept"), "\(console.transcript)")
        #expect(console.transcript.contains("closed its control connection"))
        console.send("n")
        #expect(console.waitFor("✓ no answer"), "\(console.transcript)")
        console.closeInput()
        console.wait()
        #expect(console.process.terminationStatus == 0)
        #expect(try Self.calls(db).map(\.outcome) == [.noAnswer])
    }

    @Test func aSecondConsoleOnTheSameSoftphoneIsRefused() throws {
        let lab = try SIPLab(customer: .nobody)
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: lab.directory)
        let first = try ConsoleProcess(Self.agent(db, lab))
        #expect(first.waitFor("ready: Enter on the card dials"), "\(first.transcript)")
        let second = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", db] + lab.phoneArguments, stdin: "\n")
        #expect(second.status != 0)
        #expect(second.stderr.contains("already driven by another console"), "\(second.stderr)")
        first.closeInput()
        first.wait()
    }

    @Test func aRestartedConsoleHangsUpTheCallItsKilledPredecessorLeft() throws {
        let lab = try SIPLab(customer: .answers)
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let first = try ConsoleProcess(Self.agent(db, lab))
        first.send("")
        #expect(first.waitFor("the interview starts"), "\(first.transcript)")
        first.send("3")
        #expect(first.waitFor("✓ saved 3"), "\(first.transcript)")
        first.kill()
        #expect(!lab.agentLog.contains("terminate call"))
        let second = try CallPulseBinary.run(Self.agent(db, lab), stdin: "\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(lab.agentLog.contains("terminate call"), "the old call is still up: \(lab.agentLog.suffix(400))")
        // The customer is called again before the interview resumes.
        let text = second.stdout
        let dialled = text.range(of: "✓ answered — the interview starts")
        let resumed = text.range(of: "Resuming the interview")
        #expect(dialled != nil && resumed != nil && dialled!.lowerBound < resumed!.lowerBound, "\(text)")
    }

    @Test func onATerminalTheRingingTimeShowsAndAnyKeyHangsUp() throws {
        let lab = try SIPLab(customer: .nobody)
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: lab.directory)
        let console = try ConsoleProcess.inTerminal(Self.agent(db, lab, ring: 60).map { "'\($0)'" }.joined(separator: " "))
        defer { console.kill() }
        #expect(console.waitFor("outcome >"), "\(console.transcript)")
        console.send("")
        #expect(console.waitFor("calling +358 40 1000000 … 0:01"), "\(console.transcript)")
        console.sendRaw("x")
        #expect(console.waitFor("the line says: hung up by the agent. Code the outcome by key."), "\(console.transcript)")
        console.send("n")
        #expect(console.waitFor("✓ no answer"), "\(console.transcript)")
        #expect(try Self.calls(db).first?.paradata?.codedBy == .agent)
    }
}

/// `--phone` with no softphone running: said at once, and the console works as without a phone.
@Suite struct PhoneMissingTests {
    @Test func aSoftphoneNotRunningIsSaidAndManualCodingWorks() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db, "--phone", "baresip://127.0.0.1:9"],
                                             stdin: "\nn\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the softphone at 127.0.0.1:9 is not reachable"), "\(result.stdout)")
        #expect(result.stdout.contains("The contact is kept: code the outcome by key"))
        #expect(result.stdout.contains("✓ no answer"))
    }

    @Test func theDialCommandGetsTheNumber() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let out = dir.file("dialled")
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: "\nb\n", environment: ["CALLPULSE_DIAL_COMMAND": "echo {e164} > '\(out)'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "+358401000000\n")
        let calls = try AppDatabase.open(path: db).read { try CallRecord.fetchAll($0) }
        #expect(calls.map(\.outcome) == [.busy])
        #expect(calls.first?.paradata?.codedBy == .agent)
    }

    @Test(arguments: [
        (["--phone", "asterisk"], "'asterisk' is not a softphone"),
        (["--phone", "baresip", "--dial-uri", "sip:x@gw"], "has no {e164} placeholder"),
        (["--phone", "baresip", "--ring-seconds", "0"], "--ring-seconds must be between 1 and 600"),
        (["--phone", "baresip", "--dial-command", "x"], "give one"),
    ])
    func badPhoneOptionsAreRefused(_ arguments: [String], _ message: String) throws {
        let result = try CallPulseBinary.run(["agent", "c", "--db", "/nonexistent/x.sqlite"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

/// A control socket that is not a working baresip: a clear message, the console goes on by hand.
@Suite struct HostileControlSocketTests {
    @Test(arguments: [
        (Data("hello world".utf8), "is not a netstring: expected the digits of a length, found 'h'"),
        (Data("99999999999999:".utf8), "is not a netstring: a length of more than 5 digits (the limit is 65536 bytes)"),
        (Data("70000:".utf8), "is not a netstring: a message of 70000 bytes (the limit is 65536)"),
        (Data("5:[1,2],".utf8), "a message that is not a JSON object: '[1,2]'"),
        (nil, "closed its control connection"),
    ])
    func aBrokenControlSocketIsSaidAndManualCodingWorks(_ reply: Data?, _ message: String) throws {
        let server = try HostileControlSocket(reply: reply)
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db,
                                              "--phone", "baresip://127.0.0.1:\(server.port)"], stdin: "\nn\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(message), "\(result.stdout)")
        #expect(result.stdout.contains("✓ no answer"), "\(result.stdout)")
    }
}
