import Foundation
import Testing
@testable import CallPulseCallList
@testable import CallPulseKit
@testable import CallPulseStore

/// The path of a committed call-list fixture (see Fixtures/calllists/make_fixtures.py).
func callListFixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/calllists/\(name)").path
}

/// Writes `bytes` to a new file in a temporary directory and returns its path.
func temporaryCallList(_ bytes: [UInt8], name: String = "list.csv") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("callpulse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Every record after the header.
func readAll(_ reader: CSVReader) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}

/// The CallListError `body` throws, or nil when it throws nothing (or something else).
func callListError(_ body: () throws -> Void) -> CallListError? {
    do {
        try body()
        return nil
    } catch let error as CallListError {
        return error
    } catch {
        return nil
    }
}

@Suite struct CSVReaderTests {
    // MARK: Delimiters

    @Test func commaFileWithTrimmedUnquotedFields() throws {
        let reader = try CSVReader(path: callListFixture("comma.csv"))
        #expect(reader.header == ["phone", "name", "city"])
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(reader.encoding == .utf8)
        let records = try readAll(reader)
        #expect(records == [
            CSVRecord(fields: ["+358401234567", "Matti Meikäläinen", "Helsinki"], line: 2),
            CSVRecord(fields: ["0401234568", "Liisa Virtanen", "Tampere"], line: 3),
        ])
        #expect(reader.bytesRead == 97)
    }

    @Test func semicolonFileKeepsQuotedDelimiters() throws {
        let reader = try CSVReader(path: callListFixture("semicolon.csv"))
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.header == ["puhelin", "nimi", "yritys"])
        #expect(try readAll(reader) == [CSVRecord(fields: ["040 123 4567", "Päivi Öhman", "Kauppa; Koti Oy"], line: 2)])
    }

    @Test func tabFileTrimsOnlySpaces() throws {
        let reader = try CSVReader(path: callListFixture("tab.tsv"))
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(try readAll(reader) == [CSVRecord(fields: ["+358401234567", "Åsa Lindqvist", "spaced"], line: 2)])
    }

    @Test(arguments: [
        ("a;b,c\n1;2,3\n", UInt8(ascii: ",")),        // tie → comma
        ("a;b;c,d\n", UInt8(ascii: ";")),
        ("\"x,y\";b;c\n", UInt8(ascii: ";")),          // commas inside quotes do not count
        ("a\tb\tc\n", UInt8(ascii: "\t")),
        ("phone\n", UInt8(ascii: ",")),               // a single column
    ])
    func delimiterIsDetectedFromTheHeaderLine(text: String, expected: UInt8) throws {
        let reader = try CSVReader(path: try temporaryCallList(Array(text.utf8)))
        #expect(reader.delimiter == expected)
    }

    @Test func givenDelimiterOverridesDetection() throws {
        let path = try temporaryCallList(Array("a;b,c\n1;2,3\n".utf8))
        let reader = try CSVReader(path: path, delimiter: UInt8(ascii: ";"))
        #expect(reader.header == ["a", "b,c"])
        #expect(try reader.next()?.fields == ["1", "2,3"])
    }

    // MARK: Encodings

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let reader = try CSVReader(path: callListFixture("utf8-bom.csv"))
        #expect(reader.encoding == .utf8)
        #expect(reader.header == ["phone", "name"])
        #expect(try readAll(reader) == [CSVRecord(fields: ["+358401234567", "Sören Öhman"], line: 2)])
    }

    @Test(arguments: [nil, TextEncoding.windows1252])
    func windows1252IsDetectedOrGiven(encoding: TextEncoding?) throws {
        let reader = try CSVReader(path: callListFixture("windows-1252.csv"), encoding: encoding)
        #expect(reader.encoding == .windows1252)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.header == ["puhelin", "nimi", "summa"])
        #expect(try readAll(reader) == [
            CSVRecord(fields: ["040 123 4567", "Päivi Hämäläinen", "12 €"], line: 2),
            CSVRecord(fields: ["09 1234 567", "Åsa Öhman", "„lainaus”"], line: 3),
        ])
    }

    @Test func windows1252ReadAsUTF8FailsWithTheLineAndAHint() {
        let error = callListError {
            let reader = try CSVReader(path: callListFixture("windows-1252.csv"), encoding: .utf8)
            _ = try readAll(reader)
        }
        #expect(error?.line == 2)
        #expect(error?.errorDescription?.hasSuffix("windows-1252.csv line 2: invalid UTF-8 at line 2; if the file was saved by Excel, use --encoding windows-1252") == true)
    }

    @Test func undefinedWindows1252ByteIsAnError() throws {
        let path = try temporaryCallList(Array("a,b\n1,x".utf8) + [0x81] + Array("\n".utf8))
        let error = callListError {
            _ = try readAll(try CSVReader(path: path, encoding: .windows1252))
        }
        #expect(error?.line == 2)
        #expect(error?.message.contains("0x81") == true)
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        let reader = try CSVReader(path: callListFixture("utf16le-bom.tsv"))
        #expect(reader.encoding == .utf16LE)
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(reader.header == ["phone", "name"])
        #expect(try readAll(reader) == [
            CSVRecord(fields: ["+358401234567", "Jää-Kari Ähtäri"], line: 2),
            CSVRecord(fields: ["0401234567", "Björn 😀"], line: 3),
        ])
    }

    @Test func utf16BigEndianWithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "phone;name\n040 1234567;Åsa\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let reader = try CSVReader(path: try temporaryCallList(bytes))
        #expect(reader.encoding == .utf16BE)
        #expect(try readAll(reader) == [CSVRecord(fields: ["040 1234567", "Åsa"], line: 2)])
    }

    @Test func unpairedUTF16SurrogateIsAnErrorWithTheLine() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("a\tb\r\n1\t2\r\n3\t".utf16) + [0xD800, 0x0041] + Array("\r\n".utf16) {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let reader = try CSVReader(path: try temporaryCallList(bytes))
        #expect(try reader.next()?.fields == ["1", "2"])
        let error = callListError { _ = try reader.next() }
        #expect(error?.line == 3)
        #expect(error?.message.contains("surrogate") == true)
    }

    @Test func invalidUTF8AfterTheSniffedWindowNamesItsLine() throws {
        var bytes = Array("phone,name\n".utf8)
        var line = 1
        while bytes.count < 70_000 {
            bytes += Array("0401234567,Matti Meikäläinen\n".utf8)
            line += 1
        }
        let badLine = line + 1
        bytes += Array("0401234568,P".utf8) + [0xE4] + Array("ivi\n0401234569,Ok\n".utf8)  // Windows-1252 'ä'
        let reader = try CSVReader(path: try temporaryCallList(bytes))
        #expect(reader.encoding == .utf8)
        var read = 0
        let error = callListError {
            while try reader.next() != nil { read += 1 }
        }
        #expect(read == badLine - 2)
        #expect(error?.line == badLine)
        #expect(error?.message == "invalid UTF-8 at line \(badLine); if the file was saved by Excel, use --encoding windows-1252")
    }

    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("windows-1252", .windows1252), ("cp1252", .windows1252),
        ("latin1", .windows1252), ("ISO-8859-1", .windows1252), ("utf-16", .utf16LE), ("utf-16le", .utf16LE),
        ("utf-16be", .utf16BE),
    ])
    func encodingNames(name: String, expected: TextEncoding) {
        #expect(TextEncoding(name: name) == expected)
    }

    @Test func unknownEncodingName() {
        #expect(TextEncoding(name: "ebcdic") == nil)
    }
}

extension CSVReaderTests {
    @Test func oddUTF16ByteCountIsAnError() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a\tb\r\n1\t2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = try CSVReader(path: try temporaryCallList(bytes + [0x33]))
        #expect(try reader.next()?.fields == ["1", "2"])
        let error = callListError { _ = try reader.next() }
        #expect(error?.message.contains("odd number of bytes") == true)
    }
}
