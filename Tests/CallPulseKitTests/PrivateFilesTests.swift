import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Personal data on disk: files readable by their owner only, and erased data really gone from the bytes.
@Suite struct PrivateFilesTests {
    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// The bytes of a file, empty when it does not exist.
    static func bytes(_ path: String) -> [UInt8] {
        (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, haystack.count >= pattern.count else { return false }
        var index = 0
        while let start = haystack[index...].firstIndex(of: first), start + pattern.count <= haystack.count {
            if Array(haystack[start..<start + pattern.count]) == pattern { return true }
            index = start + 1
        }
        return false
    }

    @Test func everyFileIsOwnerOnlyWhateverTheUmask() throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("cp.sqlite")
        let script = Repository.path("Scripts/customer-service-pulse.yaml")
        func run(_ arguments: [String]) throws {
            let result = try CallPulseBinary.run(arguments + ["--db", db], umask: 0o000)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run(["campaign", "create", "c", "--script", script, "--client", "C"])
        try run(["import", "c", Repository.path("CallLists/example-excel-fi.csv"), "--rejects", dir.file("rejects.csv")])
        try run(["export", "c", "--out", dir.file("export.csv"), "--codebook", dir.file("codebook.csv")])
        try run(["followups", "export", "c", "--out", dir.file("followups.csv")])
        try run(["forget", "+358401234567"])
        for name in ["cp.sqlite", "cp.sqlite-writer.lock", "rejects.csv", "export.csv", "codebook.csv", "followups.csv"] {
            #expect(try Self.mode(dir.file(name)) == 0o600, "\(name)")
        }
        // SQLite gives its -wal and -shm files the database file's mode; they exist while it is open.
        let open = try AppDatabase.open(path: db)
        try open.addToDoNotCall(["+358401234568"], actor: "t", source: "manual", note: nil, now: 1)
        for name in ["cp.sqlite-wal", "cp.sqlite-shm"] { #expect(try Self.mode(dir.file(name)) == 0o600, "\(name)") }
    }

    /// Secure delete and the checkpoint: Aino's name, number, contact field, note and verbatim
    /// answer are in the file's bytes before `forget` and in no byte of the database or its log after.
    @Test func forgottenDataIsGoneFromTheFileAndItsLog() throws {
        var fixture: ExportFixture? = try ExportFixture()
        let dir = fixture!.dir
        let path = fixture!.db.path
        // The name and contact field as imported, the verbatim answer as stored (JSON), the note, the number.
        let erased = ["=HYPERLINK(\"http://evil.example\",\"x\")", #""=HYPERLINK(\"http:\/\/evil.example\")""#, "+358401111111",
                      "Asiakas oli \"vihainen\"", "support, chat"]
        let kept = ["Björn \"Nalle\" Åström", "+46 säger: bra; snabb", "+358502222222"]
        let files = { Self.bytes(path) + Self.bytes(path + "-wal") }
        func holds(_ text: String) -> Bool { Self.contains(files(), text) }
        for text in erased + kept {
            let found = holds(text)
            #expect(found, "before: \(text)")
        }

        let report = try fixture!.db.forget(phone: "+358401111111", actor: "dpo", allowCalls: true, force: false,
                                            now: fixture!.clock.now)
        #expect(report.checkpoint == .emptied)
        let walBytes = Self.bytes(path + "-wal").count
        #expect(walBytes == 0)
        for text in erased {
            let found = holds(text)
            #expect(!found, "after forget: \(text)")
        }
        for text in kept {
            let found = holds(text)
            #expect(found, "kept: \(text)")
        }

        fixture = nil  // closes the pool
        let walLeft = Self.bytes(path + "-wal").count
        #expect(walLeft == 0)
        for text in erased {
            let found = holds(text)
            #expect(!found, "after closing: \(text)")
        }
        withExtendedLifetime(dir) {}
    }
}
