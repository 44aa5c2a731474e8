import Foundation
import GRDB
import Testing
@testable import CallPulseKit

/// The contact card and interrupted sessions through the built binary with piped input.
@Suite(.serialized) struct CardEndToEndTests {
    @Test func pipedOutcomeLinesAreReadWhole() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "dial later\nc +2h\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✗ 'dial later' is not an outcome"), "\(result.stdout)")
        let store = try AppDatabase.open(path: db)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM doNotCall") } == 0)
        let calls = try store.read { try CallRecord.fetchAll($0) }
        #expect(calls.count == 1)
        #expect(calls.first?.outcome == .callBack && calls.first?.note == nil)
        #expect(calls.first.map { ($0.callbackAt ?? 0) - $0.startedAt }.map { (7190...7210).contains($0) } == true)
    }

    @Test func pipedCallbackFarAheadNeedsConfirmation() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 1, in: dir)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let later = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(100 * 86_400))
        let date = String(format: "%04d-%02d-%02d", later.year!, later.month!, later.day!)
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: "a\n/callback \(date) 12:00\nn\n/callback \(date) 12:00\ny\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("days ahead (more than 60)"), "\(result.stdout)")
        #expect(result.stdout.contains("Not kept."))
        let store = try AppDatabase.open(path: db)
        let calls = try store.read { try CallRecord.fetchAll($0) }
        #expect(calls.count == 1 && calls.first?.callbackAt != nil)
        #expect(try store.read { try InterviewRecord.fetchOne($0) }?.status == .brokenOff)
    }
}
