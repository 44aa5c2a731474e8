import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore
@testable import CallPulseSystem

/// Many programs on one file at once, as in a call center: consoles, a supervisor's live view and
/// an import; and an import killed half-way.
@Suite(.serialized) struct ContentionEndToEndTests {
    /// A call list of `rows` numbers starting at `first` (Finnish mobile numbers, all valid).
    static func callList(_ rows: Int, from first: Int, in dir: TemporaryDirectory, name: String) throws -> String {
        var csv = "phone,first_name,language\n"
        csv.reserveCapacity(rows * 32)
        for index in first..<(first + rows) { csv += "050 \(2_000_000 + index),Asiakas\(index),fi\n" }
        return try dir.write(name, csv)
    }

    /// The `loaded` figure of `callpulse stats --json`, or nil with the reason when the command failed.
    static func loaded(db: String) -> Result<Int, StatsFailure> {
        guard let result = try? CallPulseBinary.run(["stats", "c", "--json", "--db", db]) else { return .failure(.init("did not run")) }
        guard result.status == 0 else { return .failure(.init(result.stderr)) }
        let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let campaign = (json?["campaigns"] as? [[String: Any]])?.first
        guard let loaded = (campaign?["progress"] as? [String: Any])?["loaded"] as? Int else {
            return .failure(.init("no loaded figure in \(result.stdout.prefix(200))"))
        }
        return .success(loaded)
    }

    struct StatsFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func consolesAStatsWatchAndAnImportShareOneFile() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 400, in: dir)
        let list = try Self.callList(20_000, from: 0, in: dir, name: "big.csv")
        let consoles = try (0..<32).map { index in
            try ConsoleProcess(["agent", "c", "--agent", "agent\(index)", "--db", db])
        }
        // The supervisor's live view, in a terminal of its own (`script` gives it a pty).
        let watch = try ConsoleProcess.inTerminal("stats c --watch 1 --db '\(db)'")

        nonisolated(unsafe) var importResult: CommandResult?
        let importer = Thread { importResult = try? CallPulseBinary.run(["import", "c", list, "--db", db]) }
        importer.start()
        for console in consoles {
            for _ in 0..<12 { console.send("n") }
        }
        // While they work, the figures: the import is either not there at all or there whole.
        var figures: [Int] = []
        var failures: [String] = []
        while importResult == nil || figures.count < 3 {
            switch Self.loaded(db: db) {
            case let .success(loaded): figures.append(loaded)
            case let .failure(failure): failures.append(failure.description)
            }
            if figures.count + failures.count > 400 { break }
        }
        consoles.forEach { $0.closeInput() }
        consoles.forEach { $0.wait() }
        while importResult == nil { Thread.sleep(forTimeInterval: 0.05) }
        if case let .success(loaded) = Self.loaded(db: db) { figures.append(loaded) }
        watch.terminate()

        for console in consoles {
            #expect(console.process.terminationStatus == 0, "\(console.transcript.suffix(500))")
            #expect(!console.transcript.contains("could not"), "\(console.transcript.suffix(500))")
            #expect(console.transcript.contains("Session ended: 12 calls"), "\(console.transcript.suffix(300))")
        }
        #expect(importResult?.status == 0, "\(importResult?.stderr ?? "")")
        #expect(importResult?.stdout.contains("20000") == true, "\(importResult?.stdout ?? "")")
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(Set(figures).isSubset(of: [400, 20_400]), "\(Set(figures).sorted())")
        #expect(figures.last == 20_400)
        #expect(watch.transcript.contains("Asiakaspalvelun pulssi"), "\(watch.transcript.suffix(300))")
        #expect(!watch.transcript.lowercased().contains("error"), "\(watch.transcript.suffix(300))")

        let store = try AppDatabase.open(path: db)
        let (calls, distinct, integrity) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM call")!,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT contactId) FROM call")!,
             try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(calls == 32 * 12)
        #expect(distinct == calls) // no contact served twice
        #expect(integrity == "ok")
    }

    @Test func anImportKilledHalfWayLeavesNothingAndTheNextOneLands() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 10, in: dir)
        let list = try Self.callList(60_000, from: 0, in: dir, name: "big.csv")
        let importer = try ConsoleProcess(["import", "c", list, "--db", db])
        let store = try AppDatabase.open(path: db)
        // Kill it once some batches are written (or, on a fast machine, whenever it gets there).
        let deadline = Date().addingTimeInterval(60)
        while importer.process.isRunning, Date() < deadline,
              try store.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM contact")! }) < 10 + 2 * CallListImporter.batchSize {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let killedHalfWay = importer.process.isRunning
        importer.kill()

        if killedHalfWay {
            #expect(try store.contactCounts(campaignID: "c", now: unixNow()).total == 10)
            #expect(try StatsSnapshot.load(database: store, campaignID: "c", now: unixNow()).progress.loaded == 10)
            let console = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: String(repeating: "n\n", count: 11))
            #expect(console.stdout.contains("Session ended: 10 calls"), "\(console.stdout.suffix(400))")
        }
        let again = try CallPulseBinary.run(["import", "c", list, "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.contactCounts(campaignID: "c", now: unixNow()).total == 60_010)
        #expect(try StatsSnapshot.load(database: store, campaignID: "c", now: unixNow()).progress.loaded == 60_010)
        let integrity = try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
