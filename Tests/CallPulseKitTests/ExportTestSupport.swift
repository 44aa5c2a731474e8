import CallPulseTestSupport
import Foundation
import GRDB
@testable import CallPulseCallList
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A campaign filled through the real console: three contacts (one with a formula for a name),
/// two complete interviews with follow-ups, notes and a don't-know, and one broken off.
final class ExportFixture {
    let dir: TemporaryDirectory
    let db: AppDatabase
    let clock = TestClock(ConsoleTests.mondayMorning)

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c", fields: ["touchpoint"])
        let list = try dir.write("list.csv", """
            phone,name,first_name,language,touchpoint
            040 111 1111,"=HYPERLINK(""http://evil.example"",""x"")",Aino,fi,"support, chat"
            050 222 2222,"Björn ""Nalle"" Åström",Björn,sv,delivery
            040 333 3333,Pekka Ärrä,Pekka,fi,-shop
            """)
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: db).importFile(list, into: "c", options: options, now: clock.now)
        // Aino: a detractor, dissatisfied, may be contacted: three follow-ups; a note; CES don't know.
        try session(["a", "2", "/note Asiakas oli \"vihainen\"", "=HYPERLINK(\"http://evil.example\")", "/dk", "1", "k",
                     "q"], agent: "liisa")
        clock.now += 2 * 3600
        try session(["a", "10", "+46 säger: bra; snabb", "5", "5", "q"], agent: "pekka")
        clock.now += 24 * 3600
        try session(["a", "7", "Ok"], interrupt: true, agent: "liisa")
    }

    /// Runs one console session; `interrupt` breaks the interview off after the lines.
    func session(_ texts: [String], interrupt: Bool = false, agent: String) throws {
        var inputs = texts.map { LineInput.line($0) }
        if interrupt { inputs += [.interrupt, .line("y"), .endOfInput] }
        let output = ConsoleOutput.recording()
        let clock = self.clock
        let console = try Console(database: db, campaignID: "c", agent: agent, reader: ScriptedLineReader(inputs, output: output),
                                  output: output, interactive: false, clock: { clock.now })
        try console.run()
    }

    /// Exports with `options` (campaign "c") and returns the file's bytes.
    func export(_ configure: (inout ExportOptions) -> Void = { _ in }, calls: Bool = false,
                codebook: Bool = false) throws -> [UInt8] {
        var options = ExportOptions()
        configure(&options)
        let exporter = try CampaignExporter(database: db, campaignID: "c", options: options)
        let path = dir.file("out-\(UUID().uuidString).csv")
        let writer = try CSVWriter(path: path, dialect: options.dialect)
        if codebook { try exporter.codebook.write(to: writer) }
        else if calls { try exporter.writeCalls(to: writer) }
        else { try exporter.writeInterviews(to: writer) }
        try writer.finish()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The export as records, read back with the project's own CSV reader: header first.
    func exportRecords(_ configure: (inout ExportOptions) -> Void = { _ in }, calls: Bool = false,
                       codebook: Bool = false) throws -> [[String]] {
        let bytes = try export(configure, calls: calls, codebook: codebook)
        return try Self.records(bytes, in: dir)
    }

    static func records(_ bytes: [UInt8], in dir: TemporaryDirectory) throws -> [[String]] {
        let path = try dir.write("read-\(UUID().uuidString).csv", bytes: bytes)
        let reader = try CSVReader(path: path)
        var records = [reader.header]
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }
}

/// Rows of a CSV export as dictionaries keyed by the header, for readable expectations.
func keyed(_ records: [[String]]) -> [[String: String]] {
    guard let header = records.first else { return [] }
    return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}
