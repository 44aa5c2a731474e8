import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit

/// An erasure run while an import is under way waits for it, then erases what it published too.
/// Without the wait, an import that had staged the person (on PostgreSQL in `contactStaging`,
/// where an erasure does not look) published their number and name after the erasure.
@Suite struct ErasureDuringImportEndToEndTests {
    static let phone = "+358401234567"

    /// Runs `erasure` (a callpulse command) while this process holds an import of the person's
    /// number staged on campaign `c`, publishes the import once the erasure says it waits, and
    /// returns the erasure's output and exit status.
    static func erase(_ erasure: [String], engine: StoreEngine,
                      in dir: TemporaryDirectory) throws -> (output: String, status: Int32, address: String) {
        let address = try engine.database(in: dir.path, name: "center.sqlite")
        let create = try CallPulseBinary.run(["campaign", "create", "c", "--script",
                                              Repository.path("Scripts/customer-service-pulse.yaml"),
                                              "--client", "Testi Oy", "--db", address])
        try #require(create.status == 0, "\(create.stderr)")
        let store = try engine.open(address)
        let now = Int64(Date().timeIntervalSince1970)
        var process: ConsoleProcess?
        try store.oneImportAtATime(timeout: 10, waiting: nil) {
            let staging = try store.beginImport(campaignID: "c", file: "list.csv", actor: "tester", now: now)
            let person = StagedContact(phone: phone, region: "FI", name: "Salainen Henkilö", firstName: "Salainen",
                                       lastName: "Henkilö", language: "fi", timeZone: nil,
                                       fieldsJSON: #"{"asiakasnumero":"A-1"}"#, line: 2)
            #expect(try store.stage([person], into: staging, campaignID: "c",
                                    doNotCall: try store.makeDoNotCallLookup()) == [.staged])
            let erasing = try ConsoleProcess(erasure + ["--db", address])
            process = erasing
            #expect(erasing.waitFor(ErasureGate.waitingMessage), "\(erasing.transcript)")
            try store.publishImport(staging, campaignID: "c",
                                    tally: ImportTally(rowsRead: 1, imported: 1, invalid: 0, duplicates: 0, doNotCall: 0),
                                    fields: ["asiakasnumero"], file: "list.csv", actor: "tester", now: now)
        }
        let erasing = try #require(process)
        erasing.wait()
        return (erasing.transcript, erasing.process.terminationStatus, address)
    }

    @Test(arguments: StoreEngine.available)
    func forgetWaitsForTheImportAndErasesWhatItPublished(engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let (output, status, address) = try Self.erase(["forget", Self.phone], engine: engine, in: dir)
        #expect(status == 0, "\(output)")
        #expect(output.contains("Erased the personal data of \(Self.phone) in 1 campaign"), "\(output)")
        #expect(try engine.count("SELECT count(*) FROM contact", at: address) == 1)
        #expect(try engine.count("""
            SELECT count(*) FROM contact
            WHERE phone = '\(Self.phone)' OR name IS NOT NULL OR fields LIKE '%A-1%' OR erasedAt IS NULL
            """, at: address) == 0)
    }

    @Test(arguments: StoreEngine.available)
    func aPurgeWaitsForTheImportAndErasesWhatItPublished(engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let (output, status, address) = try Self.erase(["campaign", "close", "c", "--purge-pii"], engine: engine, in: dir)
        #expect(status == 0, "\(output)")
        #expect(try engine.count("""
            SELECT count(*) FROM contact
            WHERE phone = '\(Self.phone)' OR name IS NOT NULL OR fields LIKE '%A-1%' OR erasedAt IS NULL
            """, at: address) == 0, "\(output)")
    }
}
