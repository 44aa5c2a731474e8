import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

@Suite struct StoreTests {
    @Test func databaseFileIsPrivateAndInWALMode() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("cp.sqlite")
        let db = try AppDatabase.open(path: path)
        try db.makeTestCampaign()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")
        #expect((wal[.posixPermissions] as? Int) == 0o600)
        let mode = try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try db.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2) // FULL
    }

    @Test func schemaHasEveryTable() throws {
        let dir = try TemporaryDirectory()
        let db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        let tables = try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["campaign", "contact", "call", "interview", "answer", "followup", "doNotCall", "audit", "note"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let migrations = try db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.first == "v1-core" && migrations.contains("export-indexes") && migrations.contains("v2-stats-tallies"))
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("cp.sqlite")
        try AppDatabase.open(path: path).makeTestCampaign(id: "kept")
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.campaign(id: "kept").client == "Testi Oy")
    }

    @Test func notADatabaseIsReportedPlainly() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("junk.sqlite", String(repeating: "this is not sqlite\n", count: 100))
        #expect(throws: StoreError.notADatabase(path: path)) { try AppDatabase.open(path: path) }
    }

    @Test func databaseLocationPrefersOptionThenEnvironment() {
        #expect(DatabaseLocation.resolve(option: "a.sqlite", environment: ["CALLPULSE_DB": "b.sqlite"]) == "a.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["CALLPULSE_DB": "b.sqlite"]) == "b.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: [:]) == "callpulse.sqlite")
    }

    @Test(arguments: [
        ("postgresql://cp@db1.example/callpulse?sslmode=verify-full", true),
        ("postgresql://cp@db1,db2/callpulse?target_session_attrs=read-write", true), ("postgres://localhost/cp", true),
        ("service=callpulse", true), ("host=/tmp/pg dbname=callpulse", true), (" dbname = x", true),
        ("callpulse.sqlite", false), ("./host=x", false), ("/data/cp=1.sqlite", false), ("a b=c", false), ("=x", false),
    ])
    func aServerAddressIsToldFromAFilePath(address: String, isServer: Bool) {
        #expect(DatabaseLocation.isServerAddress(address) == isServer)
    }
}
