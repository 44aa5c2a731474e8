import Foundation
import GRDB
import Testing
@testable import CallPulseKit

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
