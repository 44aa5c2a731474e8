import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

@Suite struct ImportTests {
    let dir: TemporaryDirectory
    let db: AppDatabase

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
    }

    func importFile(_ path: String, configure: (inout CallListImporter.Options) -> Void = { _ in }) throws -> ImportSummary {
        var options = CallListImporter.Options()
        options.actor = "tester"
        configure(&options)
        return try CallListImporter(database: db).importFile(path, into: "c", options: options, now: 1_700_000_000)
    }

    func contacts() throws -> [Contact] {
        try db.read { try Contact.order(Column("id")).fetchAll($0) }
    }

    @Test(arguments: [",", ";", "\t"])
    func eachDelimiterImports(delimiter: String) throws {
        let text = ["phone", "name", "touchpoint"].joined(separator: delimiter) + "\n"
            + ["040 123 4567", "Matti Meikäläinen", "support"].joined(separator: delimiter) + "\n"
            + ["+358 50 765 4321", "Åsa Öhman", "delivery"].joined(separator: delimiter) + "\n"
        let summary = try importFile(try dir.write("list.csv", text))
        #expect(summary.imported == 2)
        let stored = try contacts()
        #expect(stored.map(\.phone) == ["+358401234567", "+358507654321"])
        #expect(stored[0].firstName == "Matti")
        #expect(stored[1].name == "Åsa Öhman")
        #expect(stored[0].timeZone == "Europe/Helsinki")
        #expect(stored[1].fieldValues == ["touchpoint": "delivery"])
    }

    @Test func windows1252FromExcelIsDetected() throws {
        let summary = try importFile(Repository.path("CallLists/example-excel-fi.csv")) { $0.rejectsPath = dir.file("rejects.csv") }
        #expect(summary.encoding == "Windows-1252")
        #expect(summary.delimiter == "semicolon")
        #expect(summary.rowsRead == 10)
        #expect(summary.invalid == 2)
        #expect(summary.duplicatesInFile == 1)
        #expect(summary.badRows == 1) // language 'de'
        #expect(summary.imported == 6)
        let names = try contacts().compactMap(\.name)
        #expect(names.contains("Matti Meikäläinen"))
        #expect(names.contains("Jää-Kari Hämäläinen"))
        let swedish = try contacts().first { $0.name == "Åsa Öhman" }
        #expect(swedish?.language == "sv")
        // In the list's own dialect (Windows-1252, ';', CRLF), so it opens right in the Excel that made it.
        let rejects = try #require(String(data: Data(contentsOf: URL(fileURLWithPath: dir.file("rejects.csv"))), encoding: .windowsCP1252))
        #expect(rejects.hasPrefix("line;reason;detail;Puhelin;Nimi;Kieli;Asiakasnumero;Kosketuspiste\r\n"))
        #expect(rejects.contains("4;duplicate in file;number +358401234567 is already on line 2;0401234567;Matti Meikäläinen (sama)"))
        #expect(rejects.contains("7;invalid number"))
        #expect(rejects.contains("11;bad row;language 'de' is not one of the script's languages (fi, sv, en);050 234 5678;Gerhard Müller"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("rejects.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func utf8WithBOMAndUTF16AreRead() throws {
        let text = "phone,name\r\n040 123 4567,Päivi Öhman\r\n"
        _ = try importFile(try dir.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "phone,name\n050 111 2222,Sören Åberg\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        _ = try importFile(try dir.write("utf16.csv", bytes: utf16))
        #expect(try contacts().compactMap(\.name) == ["Päivi Öhman", "Sören Åberg"])
    }

    @Test func duplicatesAgainstTheCampaignAreSkipped() throws {
        _ = try importFile(try dir.write("a.csv", "phone\n0401234567\n"))
        let second = try importFile(try dir.write("b.csv", "phone\n+358 40 123 4567\n0507654321\n"))
        #expect(second.duplicatesInCampaign == 1)
        #expect(second.imported == 1)
        #expect(try contacts().count == 2)
    }

    @Test func doNotCallNumbersAreSkipped() throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO doNotCall (phone, addedAt, addedBy, source) VALUES ('+358401234567', 0, 't', 'test')")
        }
        let summary = try importFile(try dir.write("a.csv", "phone\n040 123 4567\n050 765 4321\n"))
        #expect(summary.doNotCall == 1)
        #expect(try contacts().map(\.phone) == ["+358507654321"])
    }

    @Test func structuralErrorImportsNothing() throws {
        // A valid start, then bytes that are not UTF-8 after the sniffed region: the whole import rolls back.
        var bytes = Array("phone,name\n".utf8)
        for index in 0..<3000 { bytes += Array("040\(String(format: "%07d", 1_000_000 + index)),Nimi Nimi\n".utf8) }
        bytes += Array("0501234567,".utf8) + [0xE4, 0xFF, 0xFE] + Array("\n".utf8)
        let path = try dir.write("broken.csv", bytes: bytes)
        #expect(throws: ImportError.self) { try importFile(path) { $0.encoding = .utf8; $0.rejectsPath = dir.file("r.csv") } }
        #expect(try contacts().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.file("r.csv")))
        let imports = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM callListImport") }
        #expect(imports == 0)
    }

    @Test func missingPhoneColumnIsAStructuralError() throws {
        let path = try dir.write("nophone.csv", "name,email\nMatti,m@example.com\n")
        do {
            _ = try importFile(path)
            Issue.record("expected an error")
        } catch let error as ImportError {
            let message = error.localizedDescription
            #expect(message.contains("nophone.csv line 1: no phone column"))
            #expect(message.contains("nothing was imported"))
        }
        let named = try importFile(try dir.write("named.csv", "name,gsm_no\nMatti,0401234567\n")) { $0.phoneColumn = "GSM NO" }
        #expect(named.imported == 1)
    }

    @Test func rowsOfBareDelimitersAreBlankLines() throws {
        let summary = try importFile(try dir.write("x.csv", "phone;name\r\n040 123 4567;A\r\n;;\r\n;\r\n"))
        #expect(summary.rowsRead == 1)
        #expect(summary.imported == 1 && summary.rejected == 0)
    }

    @Test func dryRunImportsNothing() throws {
        let summary = try importFile(try dir.write("a.csv", "phone\n0401234567\n0507654321\n")) { $0.dryRun = true }
        #expect(summary.imported == 2 && summary.dryRun)
        #expect(try contacts().isEmpty)
    }

    @Test func raggedRowsAndDuplicateHeaders() throws {
        let summary = try importFile(try dir.write("r.csv", "phone,name\n0401234567,A,,\n0507654321,B,extra\n0441234567\n"))
        #expect(summary.imported == 2)
        #expect(summary.badRows == 1)
        #expect(throws: ImportError.self) { try importFile(try dir.write("d.csv", "phone,Name,name\n0401234567,a,b\n")) }
    }

    @Test func swedishRegionAndInternationalNumbers() throws {
        let summary = try importFile(try dir.write("se.csv", "telefon,namn\n070-174 06 05,Björn\n+44 7400 123456,Emily\n")) {
            $0.region = "SE"
        }
        #expect(summary.imported == 2)
        let stored = try contacts()
        #expect(stored.map(\.phone) == ["+46701740605", "+447400123456"])
        #expect(stored.map(\.timeZone) == ["Europe/Stockholm", "Europe/London"])
    }

    @Test func unknownRegionIsRefused() throws {
        #expect(throws: ImportError.unknownRegion("XX")) { try importFile(try dir.write("a.csv", "phone\n1\n")) { $0.region = "XX" } }
    }
}
