import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The built binary as agents use it: piped interviews, many consoles at once, a killed console.
@Suite(.serialized) struct ConsoleEndToEndTests {
    /// A campaign that may call at any hour, so the tests do not depend on the time they run.
    @discardableResult
    static func setUp(contacts: Int, in dir: TemporaryDirectory, path: String? = nil) throws -> String {
        let db = path ?? dir.file("cp.sqlite")
        let load = try createAndLoad(contacts: contacts, db: db, in: dir)
        let loaded = try AppDatabase.open(path: db).contactCounts(campaignID: "c", now: 0).total
        #expect(loaded == contacts, "\(load.stdout)")
        return db
    }

    /// Creates campaign `c` on `db` (any engine) and imports `contacts` numbered contacts, through
    /// the binary; returns what the import printed.
    @discardableResult
    static func createAndLoad(contacts: Int, db: String, in dir: TemporaryDirectory) throws -> CommandResult {
        let create = try CallPulseBinary.run([
            "campaign", "create", "c", "--script", Repository.path("Scripts/customer-service-pulse.yaml"), "--client", "ACME Oy",
            "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--db", db,
        ])
        #expect(create.status == 0, "\(create.stderr)")
        var csv = "phone,first_name,language\n"
        for index in 0..<contacts { csv += "040 \(1_000_000 + index),Asiakas\(index),fi\n" }
        let list = try dir.write("list.csv", csv)
        let load = try CallPulseBinary.run(["import", "c", list, "--db", db])
        #expect(load.status == 0, "\(load.stderr)")
        return load
    }

    @Test func aPipedInterviewWritesItsRows() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(contacts: 2, in: dir)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: "a\n3\nJonotus kesti liian kauan\n2\n1\nk\nn\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("⚑ follow-up created: CSAT 1"))
        #expect(result.stdout.contains("✓ Interview complete (AAPOR 1.1): 5 answers saved."))
        let store = try AppDatabase.open(path: db)
        let answers = try store.read { try AnswerRecord.order(Column("id")).fetchAll($0) }
        #expect(answers.map(\.questionId) == ["nps", "nps_reason", "ces", "csat", "may_contact"])
        #expect(answers.map(\.value) == ["3", "\"Jonotus kesti liian kauan\"", "2", "1", "true"])
        #expect(answers.allSatisfy { $0.agent == "liisa" })
        let followUps = try store.read { try FollowUp.fetchAll($0) }
        #expect(followUps.count == 3) // NPS detractor, CSAT 1–2, consent to contact
        let second = try store.read { try Contact.fetchOne($0, key: 2) }!
        #expect(second.status == .scheduled && second.attempts == 1)
    }

    @Test func eightConsolesNeverServeAContactTwice() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(contacts: 200, in: dir)
        let consoles = try (0..<8).map { index in
            try ConsoleProcess(["agent", "c", "--agent", "agent\(index)", "--db", db])
        }
        for console in consoles {
            for _ in 0..<40 { console.send("n") }
            console.closeInput()
        }
        consoles.forEach { $0.wait() }
        for console in consoles {
            #expect(console.process.terminationStatus == 0, "\(console.transcript.suffix(500))")
            #expect(!console.transcript.contains("could not"), "\(console.transcript.suffix(500))")
        }
        let store = try AppDatabase.open(path: db)
        let (calls, distinct) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM call")!,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT contactId) FROM call")!)
        }
        #expect(calls == 200)
        #expect(distinct == 200)
        let reported = consoles.compactMap { console -> Int? in
            guard let line = console.transcript.split(separator: "\n").last(where: { $0.hasPrefix("Session ended:") }) else { return nil }
            return Int(line.split(separator: " ")[2])
        }
        #expect(reported.count == 8)
        #expect(reported.reduce(0, +) == 200) // what the consoles said they did is what the file holds
    }

    @Test func aKilledConsoleLosesNoSavedAnswerAndTheInterviewResumes() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(contacts: 1, in: dir)
        let console = try ConsoleProcess(["agent", "c", "--agent", "liisa", "--lease", "1", "--db", db])
        console.send("a")
        console.send("6")
        console.send("Hinta")
        #expect(console.waitFor("✓ saved", count: 2))
        console.send("4") // typed, and perhaps not yet saved, when the process dies
        console.kill()

        let store = try AppDatabase.open(path: db)
        let saved = try store.read { try AnswerRecord.order(Column("id")).fetchAll($0) }
        #expect(Array(saved.prefix(2).map(\.questionId)) == ["nps", "nps_reason"])
        let integrity = try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")

        Thread.sleep(forTimeInterval: 2.1) // the dead console's lease (1 s, whole seconds) runs out
        let resumed = try CallPulseBinary.run(["agent", "c", "--agent", "pekka", "--db", db], stdin: "a\n5\n5\nk\n")
        #expect(resumed.stdout.contains("Resuming the interview. Answers so far:"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("1 / 5 nps: 6")) // a detractor: the consent question is asked too
        #expect(resumed.stdout.contains("✓ Interview complete"))
        let interviews = try store.read { try InterviewRecord.fetchAll($0) }
        #expect(interviews.count == 1 && interviews[0].status == .complete)
    }
}
