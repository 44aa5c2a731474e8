import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// The CSV dialects, the formula-injection guard and the file's safety.
@Suite struct CSVWriterTests {
    let dir: TemporaryDirectory
    init() throws { dir = try TemporaryDirectory() }

    func written(_ rows: [[CSVWriter.Field]], dialect: CSVWriter.Dialect = .rfc4180) throws -> String {
        let path = dir.file("out.csv")
        let writer = try CSVWriter(path: path, dialect: dialect)
        for row in rows { try writer.writeRow(row) }
        try writer.finish()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func quotesDelimitersQuotesAndLineBreaksWithCRLF() throws {
        let text = try written([["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere"], [.empty, .number("7")]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n,7\r\n")
    }

    @Test func excelUsesBOMSemicolonAndDecimalComma() throws {
        let text = try written([["ä ö å", "a;b", "a,b"], [.number("3.5"), .number("-0.25"), .number("12")]], dialect: .excel)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.dropFirst() == "ä ö å;\"a;b\";a,b\r\n3,5;-0,25;12\r\n")
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\",\"y\")", "+358 40 1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])
    func formulaStartsGetAQuote(text: String) throws {
        let field = try written([[.text(text)]]).dropLast() // "\r\n" is one Character
        let needsQuotes = text.contains("\"") || text.contains("\r") || text.contains(",")
        #expect(field == (needsQuotes ? "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : "'" + text))
    }

    @Test func numbersStayNumbers() throws {
        #expect(try written([[.number("-1"), .number("-2.5"), .text("-1")]]) == "-1,-2.5,'-1\r\n")
    }

    @Test func fileIsPrivateAndAppearsOnlyWhenFinished() throws {
        let path = dir.file("out.csv")
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["x"])
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.finish()
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aFailedWriteLeavesNothing() throws {
        let path = dir.file("gone.csv")
        do {
            let writer = try CSVWriter(path: path)
            try writer.writeRow(["half"])
            writer.discard()
        }
        do { _ = try CSVWriter(path: path).writeRow(["dropped without finish"]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(throws: CSVWriterError.self) { try CSVWriter(path: dir.file("missing/dir/x.csv")) }
    }
}
