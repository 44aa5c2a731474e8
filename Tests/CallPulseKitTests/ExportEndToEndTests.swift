import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// `callpulse export` and `callpulse followups` through the built binary.
@Suite struct ExportEndToEndTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CallPulseBinary.run(arguments + ["--db", fixture.db.path], environment: ["USER": "tester"])
    }

    @Test func exportWritesAPrivateFileAndTheCodebook() throws {
        let out = fixture.dir.file("acme.csv"), book = fixture.dir.file("codebook.csv")
        let result = try run(["export", "c", "--out", out, "--codebook", book, "--excel"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote 2 interviews of c to \(out); codebook in \(book)."))
        for path in [out, book] {
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test func withoutOutTheCSVGoesToStandardOutput() throws {
        let result = try run(["export", "c", "--calls", "--no-pii"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("call_id,contact_id,started,ended,duration_s,agent,outcome,outcome_label,aapor,aapor_label,"
                                         + "dialled,ring_s,talk_s,sip_status,sip_reason,coded_by\r\n"))
        #expect(result.stdout.components(separatedBy: "\r\n").count == 5)
        #expect(result.stderr.contains("Wrote 3 call attempts of c to standard output."))
    }

    @Test func aFailureLeavesNoFile() throws {
        let out = fixture.dir.file("acme.csv")
        let result = try run(["export", "c", "--out", out, "--codebook", fixture.dir.file("no/such/dir/book.csv")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no/such/dir/book.csv"))
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".partial"))
        let unknown = try run(["export", "nope", "--out", out])
        #expect(unknown.status != 0 && unknown.stderr.contains("no campaign 'nope'"))
        let badSince = try run(["export", "c", "--out", out, "--since", "23.11.2026"])
        #expect(badSince.status != 0 && badSince.stderr.contains("--since '23.11.2026' is not a date"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.dir.path).filter { $0.hasPrefix("acme") }.isEmpty)
    }

    @Test func followupsListResolveAndExport() throws {
        let list = try run(["followups", "c", "--open"])
        #expect(list.status == 0 && list.stdout.contains("3 follow-ups: 3 open"))
        #expect(!list.stdout.contains("\u{1B}"))
        let resolved = try run(["followups", "resolve", "1", "--by", "maija", "--note", "called back"])
        #expect(resolved.status == 0 && resolved.stdout.contains("Follow-up #1 of c resolved by maija."))
        let again = try run(["followups", "resolve", "1", "--by", "maija", "--note", "again"])
        #expect(again.status != 0 && again.stderr.contains("follow-up #1 was already resolved by maija"))
        let unknown = try run(["followups", "resolve", "42", "--note", "x"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no follow-up #42"))
        let csv = try run(["followups", "export", "c"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("followup_id,campaign,created,due,overdue,reason,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
    }
}
