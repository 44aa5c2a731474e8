import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Scripts whose ranges broke stats (issue 12, item 2), through the built binary; `run` serves the other issue-12 extensions.
extension HostileEndToEndTests {
    func run(_ arguments: [String], stdin: String = "") throws -> CommandResult {
        try CallPulseBinary.run(arguments + ["--db", db], stdin: stdin, environment: ["USER": "tester"])
    }

    @Test(arguments: ["scale-two-billion.yaml", "scale-billion-wide.yaml", "scale-int64-range.yaml"])
    func aCampaignCannotBeMadeOnAScriptStatsCouldNotSummarize(_ file: String) throws {
        let path = HostileScriptTests.fixture(file)
        let create = try run(["campaign", "create", "wide", "--script", path, "--client", "C"])
        #expect(create.status != 0)
        #expect(create.stderr.contains(path + ":"), "\(create.stderr)")
        let stats = try run(["stats"])
        #expect(stats.status == 0, "\(stats.stderr)")
    }
}

extension HostileEndToEndTests {
    /// A campaign stored by an earlier CallPulse with a script this one refuses does not take the
    /// other campaigns' figures with it: plain `stats` leaves it out with a note.
    @Test func plainStatsLeavesOutACampaignWhoseStoredScriptIsNowRefused() throws {
        let store = try AppDatabase.open(path: db)
        let yaml = try String(contentsOfFile: HostileScriptTests.fixture("scale-billion-wide.yaml"), encoding: .utf8)
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO campaign (id, client, title, status, scriptId, scriptFile, scriptYAML, fields, maxAttempts,
                                      timeZone, quarantineDays, createdAt)
                SELECT 'wide', client, title, status, 't', 'wide.yaml', ?, fields, maxAttempts, timeZone, quarantineDays, createdAt
                FROM campaign WHERE id = 'c'
                """, arguments: [yaml])
        }
        let stats = try run(["stats"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stderr.contains("note: campaign wide is left out: campaign wide (wide.yaml):8:10: bad range in question 'a'"),
                "\(stats.stderr)")
        #expect(stats.stdout.contains("c"))
        let one = try run(["stats", "wide"])
        #expect(one.status != 0 && one.stderr.contains("bad range"))
    }
}
