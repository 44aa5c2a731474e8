import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A mistyped `--db` is an error for every command that reads or works an existing database;
/// only the commands that make something create the file, and they say so.
@Suite struct MissingDatabaseTests {
    static let readers: [[String]] = [
        ["stats"], ["stats", "--json"], ["agent"], ["agent", "c"], ["export", "c"], ["report", "c", "--out", "r.html"],
        ["followups"], ["followups", "list", "--open"], ["followups", "resolve", "1", "--note", "done"],
        ["followups", "export"], ["audit"], ["forget", "+358401234567"], ["campaign", "list"], ["campaign", "show", "c"],
        ["campaign", "pause", "c"], ["campaign", "resume", "c"], ["campaign", "close", "c"],
        ["campaign", "close", "c", "--purge-pii"], ["import", "c", "list.csv"], ["dnc", "remove", "+358401234567"],
        ["dnc", "list"],
    ]

    @Test(arguments: readers)
    func aCommandThatReadsRefusesAMissingFile(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        try dir.write("list.csv", "phone\n040 1234567\n")
        let db = dir.file("typo.sqlite")
        let result = try CallPulseBinary.run(arguments + ["--db", db], directory: dir.path)
        #expect(result.status != 0, "\(result.stdout)")
        #expect(result.stderr.contains("no database at '\(db)'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func theEnvironmentAndTheDefaultPathAreCheckedToo() throws {
        let dir = try TemporaryDirectory()
        let fromEnvironment = try CallPulseBinary.run(["campaign", "list"], environment: ["CALLPULSE_DB": dir.file("x.sqlite")])
        #expect(fromEnvironment.status != 0 && fromEnvironment.stderr.contains("no database at '\(dir.file("x.sqlite"))'"))
        let byDefault = try CallPulseBinary.run(["stats"], directory: dir.path)
        #expect(byDefault.status != 0 && byDefault.stderr.contains("no database at 'callpulse.sqlite'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func campaignCreateAndDoNotCallAddMakeANewFileAndSaySo() throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("new.sqlite")
        let create = try CallPulseBinary.run(["campaign", "create", "c", "--script", Repository.path("Scripts/customer-service-pulse.yaml"),
                                              "--client", "C", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stderr.contains("Created a new database: \(db)"))
        let again = try CallPulseBinary.run(["campaign", "list", "--db", db])
        #expect(again.status == 0 && again.stdout.contains("c ") && again.stderr.isEmpty)

        let dnc = dir.file("dnc.sqlite")
        let add = try CallPulseBinary.run(["dnc", "add", "+358401234567", "--db", dnc])
        #expect(add.status == 0 && add.stderr.contains("Created a new database: \(dnc)"), "\(add.stderr)")
        let list = try CallPulseBinary.run(["dnc", "list", "--db", dnc])
        #expect(list.status == 0 && list.stdout.contains("+358401234567"))
    }

    @Test func openExistingThrowsNamingThePath() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: StoreError.databaseNotFound(path: dir.file("none.sqlite"))) {
            try AppDatabase.openExisting(path: dir.file("none.sqlite"))
        }
        _ = try AppDatabase.open(path: dir.file("there.sqlite"))
        #expect(try AppDatabase.openExisting(path: dir.file("there.sqlite")).path == dir.file("there.sqlite"))
    }
}
