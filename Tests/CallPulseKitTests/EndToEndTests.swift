import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// Runs the built `callpulse` binary as a supervisor would, and checks its output and the database.
@Suite(.serialized) struct EndToEndTests {
    @Test func supervisorSetsUpACampaign() throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("cp.sqlite")
        let script = Repository.path("Scripts/customer-service-pulse.yaml")

        let check = try CallPulseBinary.run(["script", "check", script])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("nps"))

        let create = try CallPulseBinary.run(["campaign", "create", "acme", "--script", script, "--client", "ACME Oy", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("Created campaign acme"))

        let rejects = dir.file("rejects.csv")
        let load = try CallPulseBinary.run(["import", "acme", Repository.path("CallLists/example-excel-fi.csv"), "--rejects", rejects],
                                           environment: ["CALLPULSE_DB": db])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("Windows-1252, semicolon-separated"))
        #expect(load.stdout.contains("line 7: invalid number"))
        #expect(FileManager.default.fileExists(atPath: rejects))

        let show = try CallPulseBinary.run(["campaign", "show", "acme", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("loaded: 6"))
        #expect(show.stdout.contains("maximum attempts: 6"))

        let list = try CallPulseBinary.run(["campaign", "list", "--db", db])
        #expect(list.stdout.contains("acme"))
        #expect(list.stdout.contains("ACME Oy"))

        let pause = try CallPulseBinary.run(["campaign", "pause", "acme", "--db", db])
        #expect(pause.stdout.contains("Campaign acme is paused."))

        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func badInputFailsWithAMessageAndNonZeroExit() throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("cp.sqlite")
        let script = Repository.path("Scripts/customer-service-pulse.yaml")
        try CallPulseBinary.run(["campaign", "create", "c", "--script", script, "--client", "C", "--db", db])

        let noPhone = try dir.write("nophone.csv", "name\nMatti\n")
        let result = try CallPulseBinary.run(["import", "c", noPhone, "--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nophone.csv line 1: no phone column"))

        let missing = try CallPulseBinary.run(["import", "c", dir.file("missing.csv"), "--db", db])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("missing.csv"))

        let unknown = try CallPulseBinary.run(["campaign", "show", "nope", "--db", db])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no campaign 'nope'"))

        let window = try CallPulseBinary.run(["campaign", "create", "d", "--script", script, "--client", "C", "--weekdays", "9-", "--db", db])
        #expect(window.status != 0)
        #expect(window.stderr.contains("--weekdays '9-' is not a calling window"))

        let badScript = try dir.write("bad.yaml", "id: x\nquestions: [\n")
        let check = try CallPulseBinary.run(["script", "check", badScript])
        #expect(check.status != 0)
        #expect(check.stderr.contains("bad.yaml:"))
    }

    @Test func demoSetsUpItsOwnDatabase() throws {
        let dir = try TemporaryDirectory()
        let first = try CallPulseBinary.run(["demo", "--show"], directory: Repository.root, environment: [:], databaseIn: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Campaign demo"))
        #expect(first.stdout.contains("loaded: 80"))
        let second = try CallPulseBinary.run(["demo", "--show"], directory: Repository.root, environment: [:], databaseIn: dir)
        #expect(second.status == 0)
        #expect(!second.stdout.contains("Imported"))
        #expect(second.stdout.contains("loaded: 80"))
    }
}

extension CallPulseBinary {
    /// Runs with `CALLPULSE_DB` pointing into `dir`.
    static func run(_ arguments: [String], directory: String, environment: [String: String],
                    databaseIn dir: TemporaryDirectory) throws -> CommandResult {
        var env = environment
        env["CALLPULSE_DB"] = dir.file("demo.sqlite")
        return try run(arguments, environment: env, directory: directory)
    }
}
