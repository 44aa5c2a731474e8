import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// `callpulse report` through the built binary.
@Suite struct ReportCommandTests {
    let fixture: ReportFixture
    init() throws { fixture = try ReportFixture() }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CallPulseBinary.run(["report"] + arguments + ["--db", fixture.db.path])
    }

    @Test func writesAPrivateFileOrStandardOutput() throws {
        let out = fixture.dir.file("report.html")
        let result = try run(["c", "--out", out, "--by", "touchpoint", "--language", "sv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote the sv report of c (4 complete interviews) to \(out)."))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        _ = try ParsedReport.parse(try String(contentsOfFile: out, encoding: .utf8))
        let piped = try run(["c", "--out", "-", "--since", "2026-11-23"])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(piped.stderr.contains("to standard output."))
    }

    @Test func badArgumentsAreNamedAndLeaveNoFile() throws {
        let out = fixture.dir.file("report.html")
        let field = try run(["c", "--out", out, "--by", "segment"])
        #expect(field.status != 0)
        #expect(field.stderr.contains("--by 'segment': campaign c has no contact field of that name (available: touchpoint)"))
        let language = try run(["c", "--out", out, "--language", "de"])
        #expect(language.status != 0 && language.stderr.contains("--language 'de': the report is written in fi, sv or en"))
        let since = try run(["c", "--out", out, "--since", "23.11.2026"])
        #expect(since.status != 0 && since.stderr.contains("--since '23.11.2026' is not a date"))
        let campaign = try run(["nope", "--out", out])
        #expect(campaign.status != 0 && campaign.stderr.contains("no campaign 'nope'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.dir.path).filter { $0.hasPrefix("report") }.isEmpty)
    }
}
