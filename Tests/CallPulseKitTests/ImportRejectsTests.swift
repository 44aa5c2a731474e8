import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseCallList
@testable import CallPulseKit
@testable import CallPulseStore

/// The rejects file is written in the call list's own dialect, so it opens in the program that made the list.
@Suite struct ImportRejectsTests {
    let dir: TemporaryDirectory
    let db: String

    init() throws {
        dir = try TemporaryDirectory()
        db = dir.file("cp.sqlite")
        let created = try CallPulseBinary.run(["campaign", "create", "c", "--script", Repository.path("Scripts/customer-service-pulse.yaml"),
                                               "--client", "C", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
    }

    func windows1252(_ text: String) -> [UInt8] { Array(text.data(using: .windowsCP1252)!) }

    @Test func aWindows1252SemicolonListGetsWindows1252SemicolonRejects() throws {
        let list = try dir.write("excel.csv", bytes: windows1252(
            "puhelin;nimi;kaupunki\r\n040 1234567;Matti Meikäläinen;Hämeenlinna\r\n12;Jöns Åkesson;Öjaby\r\n"))
        let rejects = dir.file("rejects.csv")
        let result = try CallPulseBinary.run(["import", "c", list, "--rejects", rejects, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(Windows-1252, semicolon-separated)") || result.stdout.contains("Windows-1252"))
        #expect(result.stdout.contains("The rejected row, with its line number and reason, is in \(rejects)."))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: rejects)))
        #expect(bytes.starts(with: windows1252("line;reason;detail;puhelin;nimi;kaupunki\r\n")))
        #expect(bytes.suffix(windows1252(";12;Jöns Åkesson;Öjaby\r\n").count) == ArraySlice(windows1252(";12;Jöns Åkesson;Öjaby\r\n")))
        #expect(!bytes.contains(0xC3), "UTF-8 in a Windows-1252 file")
        #expect(String(data: Data(bytes), encoding: .windowsCP1252)?.contains("3;invalid number;") == true)
    }

    @Test func aUTF8CommaListWithLFGetsTheSame() throws {
        let list = try dir.write("plain.csv", "phone,name\n040 1234567,Aino\n12,Åsa\n")
        let rejects = dir.file("rejects.csv")
        let result = try CallPulseBinary.run(["import", "c", list, "--rejects", rejects, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.hasPrefix("line,reason,detail,phone,name\n") && text.hasSuffix(",12,Åsa\n") && !text.contains("\r"))
    }

    @Test func noRejectedRowIsSaidPlainly() throws {
        let list = try dir.write("good.csv", "phone,name\n040 1234567,Aino\n")
        let rejects = dir.file("rejects.csv")
        let result = try CallPulseBinary.run(["import", "c", list, "--rejects", rejects, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No row was rejected; \(rejects) holds only the header."))
        #expect(!result.stdout.contains("All 0"))
        let two = try dir.write("two.csv", "phone,name\n12,A\n13,B\n")
        let more = try CallPulseBinary.run(["import", "c", two, "--rejects", rejects, "--db", db])
        #expect(more.stdout.contains("All 2 rejected rows, with line numbers and reasons, are in \(rejects)."))
    }
}

/// The writer's dialects beyond RFC 4180 and Excel, and how a file's line ending is found.
@Suite struct CSVDialectTests {
    let dir: TemporaryDirectory
    init() throws { dir = try TemporaryDirectory() }

    func written(_ rows: [[String]], dialect: CSVWriter.Dialect) throws -> [UInt8] {
        let path = dir.file("out.csv")
        let writer = try CSVWriter(path: path, dialect: dialect)
        for row in rows { try writer.writeRow(texts: row) }
        try writer.finish()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func windows1252SemicolonCRLF() throws {
        let dialect = CSVWriter.Dialect(delimiter: ASCII.semicolon, encoding: .windows1252, byteOrderMark: false,
                                        lineEnding: .crlf, decimalComma: true)
        #expect(try written([["ä", "ö€", "Å"]], dialect: dialect) == [0xE4, 0x3B, 0xF6, 0x80, 0x3B, 0xC5, 0x0D, 0x0A])
        // A character the code page lacks (only our own messages could hold one) becomes '?'.
        #expect(try written([["→"]], dialect: dialect) == [0x3F, 0x0D, 0x0A])
    }

    @Test func utf16WithItsByteOrderMarkTabsAndLF() throws {
        let dialect = CSVWriter.Dialect(delimiter: ASCII.tab, encoding: .utf16LE, byteOrderMark: true,
                                        lineEnding: .lf, decimalComma: false)
        #expect(try written([["ä", "b"]], dialect: dialect) == [0xFF, 0xFE, 0xE4, 0, 0x09, 0, 0x62, 0, 0x0A, 0])
    }

    @Test(arguments: [
        ("a,b\r\nc", TextEncoding.utf8, LineEnding.crlf), ("a,b\nc", .utf8, .lf), ("a,b\rc", .utf8, .cr),
        ("a,b", .utf8, .crlf), ("a,b\r", .utf8, .crlf),
    ])
    func lineEndingOfTheFirstLine(text: String, encoding: TextEncoding, expected: LineEnding) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { LineEnding.detect(in: $0, encoding: encoding, bomLength: 0) } == expected)
    }

    @Test func lineEndingInUTF16() {
        let le: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x0D, 0, 0x0A, 0, 0x62, 0]
        #expect(le.withUnsafeBufferPointer { LineEnding.detect(in: $0, encoding: .utf16LE, bomLength: 2) } == .crlf)
        let be: [UInt8] = [0, 0x61, 0, 0x0A, 0, 0x62]
        #expect(be.withUnsafeBufferPointer { LineEnding.detect(in: $0, encoding: .utf16BE, bomLength: 0) } == .lf)
    }
}
