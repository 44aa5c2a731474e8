import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// The do-not-call list: numbers read as the import reads them, files all or nothing, every change audited.
@Suite struct DoNotCallTests {
    let dir: TemporaryDirectory
    let db: AppDatabase

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
    }

    @Test func numbersAreReadLikeTheImportReadsThem() throws {
        #expect(try PhoneArguments.normalize(["040 123 4567", "+358401234567", "+46 70 123 45 67"], region: "FI")
            == ["+358401234567", "+46701234567"])
        #expect(try PhoneArguments.normalize(["070-123 45 67"], region: "se") == ["+46701234567"])
        #expect(throws: PrivacyError.invalidNumbers(["'040 12' is not a valid phone number for FI", "'abc' is not a phone number"])) {
            try PhoneArguments.normalize(["040 12", "0401234567", "abc"], region: "FI")
        }
        #expect(throws: PrivacyError.unknownRegion("XX")) { try PhoneArguments.normalize(["0401234567"], region: "XX") }
    }

    @Test func addRemoveAndListAreAudited() throws {
        let added = try db.addToDoNotCall(["+358401234567", "+358501234567"], actor: "maija", source: "manual",
                                          note: "pyysi sähköpostilla", now: 100)
        #expect(added == DoNotCallChange(changed: ["+358401234567", "+358501234567"], unchanged: []))
        let again = try db.addToDoNotCall(["+358401234567"], actor: "pekka", source: "manual", note: nil, now: 200)
        #expect(again == DoNotCallChange(changed: [], unchanged: ["+358401234567"]))
        let removed = try db.removeFromDoNotCall(["+358501234567", "+358409999999"], actor: "maija", now: 300)
        #expect(removed == DoNotCallChange(changed: ["+358501234567"], unchanged: ["+358409999999"]))
        let list = try db.doNotCallEntries()
        #expect(list == [DoNotCallEntry(phone: "+358401234567", addedAt: 100, addedBy: "maija", source: "manual",
                                        note: "pyysi sähköpostilla")])
        let audit = try db.read { try AuditEntry.order(Column("id")).fetchAll($0) }
        #expect(audit.map { "\($0.at) \($0.actor) \($0.action) \($0.entityId)" } == [
            "100 maija dnc-add +358401234567", "100 maija dnc-add +358501234567", "300 maija dnc-remove +358501234567",
        ])
        let json = try DoNotCallListing.json(list)
        #expect(json.contains("\"added\" : \"1970-01-01T00:01:40Z\"") && json.contains("\"reason\" : \"pyysi sähköpostilla\""))
        #expect(try DoNotCallListing.json([]) == "[]")
        #expect(try DoNotCallListing.json([DoNotCallEntry(phone: "+1", addedAt: 0, addedBy: "a", source: "s")]).contains("\"reason\" : null"))
    }

    @Test func aCSVFileWithAPhoneColumn() throws {
        let file = try dir.write("dnc.csv", "nimi;puhelin\nAino;040 111 1111\n\n;;\nBjörn;+46 70 123 45 67\nAino;0401111111\n")
        let entries = try DoNotCallFile.read(path: file, region: "FI", phoneColumn: nil)
        #expect(entries.map(\.phone) == ["+358401111111", "+46701234567", "+358401111111"])
        #expect(entries.map(\.line) == [2, 5, 6])
    }

    @Test func aPlainListWithOneNumberALine() throws {
        let file = try dir.write("dnc.txt", "040 111 1111\r\n+358 50 222 2222\r\n\r\n045 333 3333\r\n")
        let entries = try DoNotCallFile.read(path: file, region: "FI", phoneColumn: nil)
        #expect(entries == [.init(line: 1, phone: "+358401111111"), .init(line: 2, phone: "+358502222222"),
                            .init(line: 4, phone: "+358453333333")])
    }

    @Test func badLinesAreAllNamedAndNothingIsImported() throws {
        let file = try dir.write("bad.csv", "phone,name\n040 111 1111,A\n040 12,B\n,C\nei numeroa,D\n")
        let expected = PrivacyError.invalidLines(file: file, lines: [
            "\(file):3: '040 12' is not a valid phone number for FI", "\(file):4: empty phone number",
            "\(file):5: 'ei numeroa' is not a phone number",
        ])
        #expect(throws: expected) { try DoNotCallFile.read(path: file, region: "FI", phoneColumn: nil) }
        #expect(expected.localizedDescription.hasSuffix("bad.csv: 3 lines without a valid number; nothing was imported"))
        let noColumn = try dir.write("nocolumn.csv", "name,city\nAino,Oulu\n")
        #expect(throws: ImportError.self) { try DoNotCallFile.read(path: noColumn, region: "FI", phoneColumn: nil) }
        #expect(throws: ImportError.self) { try DoNotCallFile.read(path: dir.file("missing.csv"), region: "FI", phoneColumn: nil) }
        // Blank lines before the header: the error names the header's own line, as the import's does.
        let lateHeader = try dir.write("late.csv", "\n\nname,city\nAino,Oulu\n")
        #expect { try DoNotCallFile.read(path: lateHeader, region: "FI", phoneColumn: nil) } throws: { error in
            error.localizedDescription.contains("late.csv line 3: no phone column")
        }
    }

    @Test func listedNumbersAreNeverImportedNorServed() throws {
        try db.makeTestCampaign(id: "c")
        let list = try dir.write("list.csv", "phone,name\n040 111 1111,Aino\n040 222 2222,Eino\n")
        _ = try CallListImporter(database: db).importFile(list, into: "c", options: .init(), now: ConsoleTests.mondayMorning)
        try db.addToDoNotCall(["+358402222222"], actor: "maija", source: "manual", note: nil, now: ConsoleTests.mondayMorning)
        var queue = ContactQueue(store: db, campaignID: "c", agent: "liisa")
        guard case let .claimed(first) = try queue.claimNext(now: ConsoleTests.mondayMorning) else {
            Issue.record("nothing claimed")
            return
        }
        #expect(first.contact.phone == "+358401111111")
        try db.releaseContact(contactID: first.contact.id!, holder: queue.holder)
        try db.write { try $0.execute(sql: "UPDATE contact SET status = 'done', disposition = '1.1' WHERE id = ?", arguments: [first.contact.id]) }
        let next = try queue.claimNext(now: ConsoleTests.mondayMorning)
        guard case .nothing = next else {
            Issue.record("a listed number was served: \(next)")
            return
        }
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT disposition FROM contact WHERE phone = '+358402222222'") } == "2.11")
        let again = try dir.write("again.csv", "phone\n040 222 2222\n")
        let summary = try CallListImporter(database: db).importFile(again, into: "c", options: .init(), now: ConsoleTests.mondayMorning)
        #expect(summary.doNotCall == 1 && summary.imported == 0)
    }
}
