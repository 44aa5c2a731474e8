import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// What importing one hostile call list must do.
struct HostileCallList: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Imports `imported` contacts and rejects `rejected` rows; `check` looks at what was stored.
        case imports(Int, rejected: Int = 0, check: @Sendable (HostileImport) throws -> Void = { _ in })
        /// Refused as a whole: the message names the file, `line` (nil: the whole file) and `problem`.
        case refused(line: Int?, problem: String)
    }

    var file: String
    var outcome: Outcome
    var testDescription: String { file }
}

/// A finished import of one fixture, for the checks.
struct HostileImport {
    var summary: ImportSummary
    var contacts: [Contact]
    var rejects: String

    func contact(phone: String) throws -> Contact { try #require(contacts.first { $0.phone == phone }) }
}

/// Every file in Fixtures/hostile/calllists/ (see the README.md there) through the real importer.
@Suite struct HostileCallListTests {
    static let folder = "Fixtures/hostile/calllists"

    static let cases: [HostileCallList] = [
        // Encodings
        .init(file: "latin1-semicolon.csv", outcome: .imports(3) { result throws in
            #expect(result.summary.encoding == "Windows-1252" && result.summary.delimiter == "semicolon")
            #expect(result.contacts.compactMap(\.name) == ["Päivi Hämäläinen", "Åsa Öhman", "José Müller"])
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["kaupunki": "Jyväskylä"])
        }),
        .init(file: "utf16le-bom.csv", outcome: .imports(2) { result throws in
            #expect(result.summary.encoding == "UTF-16LE")
            #expect(result.contacts.compactMap(\.name) == ["Sören Åberg", "Emoji 😀 Virtanen"])
        }),
        .init(file: "utf16be-bom.tsv", outcome: .imports(2) { result throws in
            #expect(result.summary.encoding == "UTF-16BE" && result.summary.delimiter == "tab")
            #expect(result.contacts.compactMap(\.name) == ["Jää-Kari Ähtäri", "Åsa Öhman"])
        }),
        .init(file: "utf16le-no-bom.csv", outcome: .imports(2) { result throws in
            #expect(result.summary.encoding == "UTF-16LE")
            #expect(result.contacts.compactMap(\.name) == ["Pekka Peräkorpi", "Liisa Lähde"])
        }),
        .init(file: "utf8-bom-crlf.csv", outcome: .imports(2) { result throws in
            #expect(result.contacts.compactMap(\.name) == ["Sören Öhman", "Matti Nieminen"])
        }),
        .init(file: "bom-only.csv", outcome: .refused(line: nil, problem: "the file is empty (no header row)")),
        // Line ends, blank lines, quotes
        .init(file: "mixed-line-endings.csv", outcome: .imports(3, rejected: 1) { result throws in
            #expect(result.contacts.map(\.importLine) == [2, 3, 6])
            #expect(result.rejects.contains("7,invalid number,'not a number' is not a phone number,not a number,D"))
        }),
        .init(file: "quoted-newlines.csv", outcome: .imports(2, rejected: 1) { result throws in
            #expect(try result.contact(phone: "+358401234567").name == "Multi\nline\r\nname")
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["note": "say \"hi\""])
            #expect(try result.contact(phone: "+358507654321").name == "abcdef")
            #expect(try result.contact(phone: "+358507654321").fieldValues == ["note": "a\"b"])
            #expect(result.summary.firstRejects.map(\.line) == [6])
        }),
        .init(file: "unterminated-quote.csv", outcome: .refused(line: 4, problem: "unterminated quote starting at line 4")),
        // Bytes that are not text
        .init(file: "nul-byte.csv", outcome: .refused(line: 4, problem: "a NUL byte")),
        .init(file: "nul-utf16.csv", outcome: .refused(line: 2, problem: "a NUL character")),
        .init(file: "windows-1252-undefined-byte.csv",
              outcome: .refused(line: 3, problem: "byte 0x81 at line 3 is not a Windows-1252 character")),
        .init(file: "utf16-odd-length.csv", outcome: .refused(line: 3, problem: "ends in the middle of a character")),
        .init(file: "utf16-lone-surrogate.csv", outcome: .refused(line: 3, problem: "unpaired UTF-16 surrogate 0xD83D")),
        .init(file: "binary-png.csv", outcome: .refused(line: 3, problem: "a NUL byte (is this a binary or UTF-16 file?)")),
        // Header problems
        .init(file: "empty.csv", outcome: .refused(line: nil, problem: "the file is empty (no header row)")),
        .init(file: "blank-lines-only.csv", outcome: .refused(line: nil, problem: "the file is empty (no header row)")),
        .init(file: "header-only.csv", outcome: .imports(0)),
        .init(file: "no-phone-column.csv", outcome: .refused(line: 1, problem: "no phone column: none of the columns (name, email)")),
        .init(file: "duplicate-headers.csv",
              outcome: .refused(line: 1, problem: "columns 2 and 3 are both named 'first_name'; rename one")),
        .init(file: "empty-headers.csv", outcome: .imports(2) { result throws in
            #expect(result.summary.fields == ["column_2", "city", "column_4"])
            #expect(try result.contact(phone: "+358507654321").fieldValues == ["column_2": "", "city": "Kemi", "column_4": "y"])
        }),
        // Rows of the wrong width: each reported on its line, the rest imported
        .init(file: "ragged-rows.csv", outcome: .imports(3, rejected: 2) { result throws in
            #expect(result.summary.firstRejects.map(\.line) == [4, 6])
            #expect(result.summary.firstRejects.first?.detail == "4 fields, but the header has 3 columns")
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["city": ""])
        }),
        // Text hostile to spreadsheets, terminals and SQL: stored exactly as given
        .init(file: "formula-strings.csv", outcome: .imports(3, rejected: 1) { result throws in
            #expect(try result.contact(phone: "+358401234567").name == "=HYPERLINK(\"http://evil.example/x\",\"Click me\")")
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["note": "=1+1"])
            #expect(try result.contact(phone: "+358507654321").name == "+358 40 999 9999")
            #expect(try result.contact(phone: "+358441234567").fieldValues == ["note": "=cmd|' /C calc'!A0"])
            // The rejects file is for a spreadsheet: formulas in it get the export's leading quote.
            #expect(result.rejects.contains("5,duplicate in file,number +358401234567 is already on line 2,0401234567,'=duplicate row,lead tab"))
        }),
        .init(file: "terminal-escapes.csv", outcome: .imports(3, rejected: 1) { result throws in
            #expect(try result.contact(phone: "+358401234567").name == "Matti \u{1B}[2J\u{1B}[HMeikäläinen")
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["note\u{1B}[5m": "\u{1B}]0;pwned\u{07}title"])
            #expect(try result.contact(phone: "+358507654321").name == "Liisa \u{9B}31mred")
            #expect(try result.contact(phone: "+358441234567").name == "Back\u{08}\u{08}\u{08}space")
            #expect(!TerminalSafety.hasUnsafeScalars(result.summary.report))
            #expect(result.summary.report.contains("fields kept: note?[5m"))
            #expect(result.summary.report.contains("line 5: invalid number: '0451234567?[31m' is not a phone number"))
        }),
        .init(file: "sql-metacharacters.csv", outcome: .imports(3) { result throws in
            #expect(try result.contact(phone: "+358401234567").name == "Robert'); DROP TABLE contact;--")
            #expect(try result.contact(phone: "+358507654321").name == "\\\" OR \"1\"=\"1")
            #expect(try result.contact(phone: "+358507654321").fieldValues == ["\";_drop_table_contact;___": "%_*?[]\\"])
            #expect(try result.contact(phone: "+358441234567").fieldValues == ["\";_drop_table_contact;___": "NULL"])
        }),
        // Letters and look-alikes in numbers (second pass): never dialled as somebody else's number
        .init(file: "letters-in-numbers.csv", outcome: .imports(2, rejected: 4) { result throws in
            #expect(result.contacts.map(\.phone) == ["+358401234567", "+358507654321"])
            #expect(result.summary.firstRejects.map(\.detail) == [
                "'040 l500125' has a letter in it ('l'): write the number in digits (an extension may follow 'ext', 'x' or '#')",
                "'040 5OO 0113' has a letter in it ('O'): write the number in digits (an extension may follow 'ext', 'x' or '#')",
                "'+358 4O5 000 112' has a letter in it ('O'): write the number in digits (an extension may follow 'ext', 'x' or '#')",
                "'1-800-FLOWERS' has letters in it ('F', 'L', 'O', 'W', 'E', 'R', 'S'): write the number in digits "
                    + "(an extension may follow 'ext', 'x' or '#')",
            ])
        }),
        .init(file: "lookalike-letters.csv", outcome: .imports(1, rejected: 4) { result throws in
            #expect(result.contacts.map(\.phone) == ["+358441234567"])
            #expect(result.summary.firstRejects.map(\.detail).allSatisfy { $0.contains("has a letter in it") })
        }),
        .init(file: "unicode-digits.csv", outcome: .imports(2) { result throws in
            #expect(result.contacts.map(\.phone) == ["+358401234567", "+358507654321"])
        }),
        .init(file: "extension-markers.csv", outcome: .imports(4, rejected: 1) { result throws in
            #expect(result.contacts.map(\.phone) == ["+358401234567", "+358507654321", "+358441234567", "+358451234567"])
            #expect(result.summary.firstRejects.map(\.line) == [6])
        }),
        .init(file: "words-in-numbers.csv", outcome: .imports(1, rejected: 3) { result throws in
            #expect(result.contacts.map(\.phone) == ["+358441234567"])
            #expect(result.summary.firstRejects.map(\.line) == [2, 3, 4])
        }),
        .init(file: "invisible-characters-in-numbers.csv", outcome: .imports(1, rejected: 3) { result throws in
            // A right-to-left override would show 040 123 4567 and dial 040 123 7654: refused, like the other controls.
            #expect(result.contacts.map(\.phone) == ["+358401234567"])
            #expect(result.summary.firstRejects.map(\.line) == [2, 3, 4])
        }),
        // Columns named like the export's own (second pass): kept, renamed field_NAME, and said so
        .init(file: "reserved-column-names.csv", outcome: .imports(1) { result throws in
            #expect(result.summary.fields == ["field_agent", "field_notes", "field_started", "field_disposition", "field_interview_id"])
            #expect(result.summary.report.contains("renamed: agent → field_agent, notes → field_notes"))
            #expect(try result.contact(phone: "+358401234567").fieldValues["field_agent"] == "Kalle")
        }),
        .init(file: "question-id-columns.csv", outcome: .imports(1) { result throws in
            #expect(result.summary.fields == ["field_nps", "field_csat"])
        }),
        .init(file: "prefixed-collision.csv", outcome: .imports(1) { result throws in
            #expect(result.summary.fields == ["field_field_agent", "field_agent"])
            #expect(try result.contact(phone: "+358401234567").fieldValues == ["field_field_agent": "Kalle", "field_agent": "Ville"])
        }),
    ]

    let check: HostileImportCheck

    init() throws { check = try HostileImportCheck() }

    static func fixture(_ name: String) -> String { HostileCorpus.path(folder, name) }

    @Test(arguments: cases)
    func importsOrRefusesWithFileLineAndProblem(_ fixture: HostileCallList) throws {
        try check.expect(fixture.outcome, importing: Self.fixture(fixture.file))
    }

    @Test func everyFixtureHasACaseAndALineInTheReadme() throws {
        try HostileCorpus.expectCovered(Self.folder, by: Self.cases.map(\.file))
    }
}

/// A fresh database with campaign `c`, to run imports on and check them against an expected outcome.
struct HostileImportCheck {
    let store: TestStore
    var db: AppDatabase { store.db }
    var dir: TemporaryDirectory { store.dir }

    init() throws {
        store = try TestStore()
        try store.db.makeTestCampaign(id: "c")
    }

    func expect(_ outcome: HostileCallList.Outcome, importing path: String) throws {
        let rejectsPath = dir.file("rejects.csv")
        var options = CallListImporter.Options()
        options.actor = "tester"
        options.rejectsPath = rejectsPath
        let importer = CallListImporter(database: db)
        switch outcome {
        case let .imports(count, rejected, check):
            let summary = try importer.importFile(path, into: "c", options: options, now: 1_700_000_000)
            #expect(summary.imported == count)
            #expect(summary.rejected == rejected)
            let contacts = try db.read { try Contact.filter(Column("campaignId") == "c").order(Column("id")).fetchAll($0) }
            #expect(contacts.count == count)
            // The rejects file is in the list's own encoding: a UTF-16 list's starts with its byte-order mark.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: rejectsPath))
            let rejects = try #require(String(data: bytes, encoding: bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? .utf16 : .utf8))
            try check(HostileImport(summary: summary, contacts: contacts, rejects: rejects))
        case let .refused(line, problem):
            do {
                let summary = try importer.importFile(path, into: "c", options: options, now: 1_700_000_000)
                Issue.record("expected a refusal, imported \(summary.imported)")
            } catch let error as ImportError {
                let message = try #require(error.errorDescription)
                let place = line.map { "\(path) line \($0): " } ?? "\(path): "
                #expect(message.hasPrefix(place + problem) || (message.hasPrefix(place) && message.contains(problem)), "\(message)")
                #expect(message.hasSuffix("; nothing was imported"))
            }
            let (contacts, imports) = try db.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE campaignId = 'c'") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM callListImport") ?? -1)
            }
            #expect(contacts == 0 && imports == 0, "nothing half-imported")
            #expect(!FileManager.default.fileExists(atPath: rejectsPath) && !FileManager.default.fileExists(atPath: rejectsPath + ".partial"))
        }
    }
}

/// A folder of hostile fixtures with a README.md line per file (see Fixtures/hostile/).
enum HostileCorpus {
    /// The path of `name` in `folder` of the test bundle's resources.
    static func path(_ folder: String, _ name: String = "") -> String {
        Bundle.module.resourceURL!.appendingPathComponent(folder).appendingPathComponent(name).path
    }

    /// Checks that the files in `folder` are exactly `covered` and that its README.md names each.
    static func expectCovered(_ folder: String, by covered: [String]) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: path(folder))
            .filter { $0 != "README.md" && $0 != "make_fixtures.py" }.sorted()
        #expect(files == covered.sorted())
        let readme = try String(contentsOfFile: path(folder, "README.md"), encoding: .utf8)
        for file in files { #expect(readme.contains("`\(file)`"), "README.md does not describe \(file)") }
    }
}
