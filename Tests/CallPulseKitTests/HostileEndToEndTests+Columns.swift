import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Every header of the client export is unique (issue 12, item 6).
extension HostileEndToEndTests {
    @Test func aQuestionIdThatIsAnExportColumnIsRefused() throws {
        let path = HostileScriptTests.fixture("reserved-id-phone.yaml")
        let create = try run(["campaign", "create", "ids", "--script", path, "--client", "C"])
        #expect(create.status != 0)
        #expect(create.stderr.contains(path + ":5:11: question id 'phone' is the name of a column the export writes itself"), "\(create.stderr)")
    }

    @Test func theExportHeaderIsUniqueWhateverTheCallListCalledItsColumns() throws {
        let create = try run(["campaign", "create", "r", "--script", Repository.path("Scripts/customer-service-pulse.yaml"),
                              "--client", "C", "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24"])
        #expect(create.status == 0, "\(create.stderr)")
        let list = try run(["import", "r", HostileCallListTests.fixture("reserved-column-names.csv")])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("renamed: agent → field_agent"))
        let interview = try run(["agent", "r", "--agent", "liisa"], stdin: "a\n9\nHyvä\n5\n5\nk\n")
        #expect(interview.stdout.contains("✓ Interview complete"), "\(interview.stdout)")
        let book = dir.file("book.csv")
        let export = try run(["export", "r", "--codebook", book])
        #expect(export.status == 0, "\(export.stderr)")
        let header = try #require(export.stdout.components(separatedBy: "\r\n").first).components(separatedBy: ",")
        #expect(Set(header).count == header.count, "\(header)")
        #expect(header.contains("field_agent") && header.contains("agent") && header.contains("field_interview_id"))
        let codebook = try String(contentsOfFile: book, encoding: .utf8)
        #expect(codebook.contains("field_agent,text,\"imported from the call list's column 'agent', renamed because the export has a column 'agent' of its own\""))
    }

    @Test func fieldsStoredBeforeTheRenamingAreRenamedInTheExport() throws {
        let list = try dir.write("old.csv", "phone,name,city\n040 123 4567,Matti,Oulu\n")
        #expect(try run(["import", "c", list]).status == 0)
        // A campaign imported by an earlier CallPulse holds the field under the export's own name.
        let store = try AppDatabase.open(path: db)
        try store.write { db in
            try db.execute(sql: "UPDATE campaign SET fields = '[\"agent\",\"nps\"]'")
            try db.execute(sql: "UPDATE contact SET fields = '{\"agent\":\"Kalle\",\"nps\":\"10\"}'")
        }
        let exporter = try CampaignExporter(database: store, campaignID: "c", options: ExportOptions())
        let header = exporter.interviewHeader
        #expect(Set(header).count == header.count, "\(header)")
        #expect(header.contains("field_agent") && header.contains("field_nps"))
    }
}
