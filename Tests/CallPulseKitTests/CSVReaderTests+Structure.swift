import Foundation
import Testing
@testable import CallPulseCallList
@testable import CallPulseKit
@testable import CallPulseStore

@Suite struct CSVReaderStructureTests {
    @Test func quotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let reader = try CSVReader(path: callListFixture("quoted.csv"))
        #expect(try readAll(reader) == [
            CSVRecord(fields: ["1", "Pohjolan Sähkö, Oy", "said \"hello\" twice"], line: 2),
            CSVRecord(fields: ["2", "Multi\nline Oy", "three\r\nlines\nhere"], line: 3),
            // A quote inside an unquoted field is a literal; text after a closing quote is kept.
            CSVRecord(fields: ["3", "O'Brien \"Jr\" Smith", "abcdef"], line: 7),
        ])
    }

    @Test func mixedLineEndingsAndBlankLines() throws {
        let reader = try CSVReader(path: callListFixture("mixed-endings.csv"))
        #expect(reader.header == ["a", "b"])
        #expect(try readAll(reader) == [
            CSVRecord(fields: ["1", "x"], line: 2),
            CSVRecord(fields: ["2", "y"], line: 3),
            CSVRecord(fields: ["3", "z"], line: 4),
            CSVRecord(fields: ["4", "q\rr"], line: 7),
            CSVRecord(fields: ["5", "w"], line: 9),
        ])
    }

    @Test func emptyFieldsAreKept() throws {
        let reader = try CSVReader(path: try temporaryCallList(Array("a,b,c\n,,\n1,\"\",\n".utf8)))
        #expect(try readAll(reader) == [
            CSVRecord(fields: ["", "", ""], line: 2),
            CSVRecord(fields: ["1", "", ""], line: 3),
        ])
    }

    @Test func wideRecords() throws {
        let names = (0..<150).map { "c\($0)" }
        let values = (0..<150).map { $0 % 2 == 0 ? "v\($0)" : "\"q\"\"\($0)\"" }
        let text = names.joined(separator: ";") + "\n" + values.joined(separator: ";") + "\n"
        let reader = try CSVReader(path: try temporaryCallList(Array(text.utf8)))
        #expect(reader.header == names)
        #expect(try reader.next()?.fields == (0..<150).map { $0 % 2 == 0 ? "v\($0)" : "q\"\($0)" })
    }

    @Test func headerOnlyFile() throws {
        let reader = try CSVReader(path: callListFixture("header-only.csv"))
        #expect(reader.header == ["phone", "name"])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test(arguments: ["empty.csv", "blank-only.csv"])
    func fileWithoutHeaderIsAnError(name: String) {
        let error = callListError { _ = try CSVReader(path: callListFixture(name)) }
        #expect(error?.line == nil)
        #expect(error?.message == "the file is empty (no header row)")
        #expect(error?.errorDescription?.hasSuffix("\(name): the file is empty (no header row)") == true)
    }

    @Test func missingFileIsAnError() {
        let error = callListError { _ = try CSVReader(path: "/nonexistent/acme.csv") }
        #expect(error?.errorDescription == "/nonexistent/acme.csv: cannot open the file: No such file or directory")
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() throws {
        let reader = try CSVReader(path: callListFixture("unterminated.csv"))
        #expect(try reader.next()?.fields == ["1", "2"])
        let error = callListError { _ = try reader.next() }
        #expect(error?.line == 3)
        #expect(error?.message == "unterminated quote starting at line 3")
    }

    @Test func nulByteIsAnError() throws {
        // Found while the start of the file is sniffed, before anything is taken for a header.
        let error = callListError { _ = try readAll(try CSVReader(path: callListFixture("nul.csv"))) }
        #expect(error?.line == 3)
        #expect(error?.message == "a NUL byte (is this a binary or UTF-16 file?)")
    }

    @Test func fieldOverOneMebibyteIsAnError() throws {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) + 10) + Array("\n".utf8)
        let reader = try CSVReader(path: try temporaryCallList(bytes))
        let error = callListError { _ = try readAll(reader) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("longer than 1 MiB") == true)
    }

    @Test func unterminatedQuoteInABigFileStopsAtTheFieldLimit() throws {
        let bytes = Array("a,b\n1,\"open\n".utf8) + Array(repeating: Array("more text, still inside the quote\n".utf8), count: 40_000).flatMap { $0 }
        let reader = try CSVReader(path: try temporaryCallList(bytes))
        let error = callListError { _ = try readAll(reader) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("is a quote missing its closing quote?") == true)
    }

    /// Many multi-line quoted records across several 1 MiB chunks: every boundary case of the
    /// buffer refill (mid-field, mid-quote, between CR and LF) comes up somewhere.
    @Test func recordsAcrossBufferChunksKeepTheirLines() throws {
        var text = "id,note,tail\r\n"
        let count = 60_000
        for i in 0..<count {
            text += "\(i),\"first \(i)\r\nsecond \"\"\(i)\"\", x\",tail \(i)\r\n"
        }
        let path = try temporaryCallList(Array(text.utf8))
        let reader = try CSVReader(path: path)
        var i = 0
        while let record = try reader.next() {
            #expect(record.line == 2 + 2 * i)
            #expect(record.fields == ["\(i)", "first \(i)\r\nsecond \"\(i)\", x", "tail \(i)"])
            i += 1
        }
        #expect(i == count)
        #expect(reader.bytesRead == text.utf8.count)
    }
}
