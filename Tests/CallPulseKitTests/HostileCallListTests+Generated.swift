import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// The big hostile call lists, made at run time rather than committed.
@Suite struct HostileGeneratedCallListTests {
    let check: HostileImportCheck

    init() throws { check = try HostileImportCheck() }

    private func expect(_ outcome: HostileCallList.Outcome, _ name: String, _ text: String) throws {
        try check.expect(outcome, importing: try check.dir.write(name, text))
    }

    @Test func aOneMegabyteFieldImportsIntact() throws {
        let note = String(repeating: "ä", count: 250_000) + String(repeating: "x", count: 500_000) // 1,000,000 bytes
        try expect(.imports(2) { result throws in
            #expect(try result.contact(phone: "+358507654321").fieldValues["note"] == note)
        }, "big-field.csv", "phone,name,note\n0401234567,A,short\n0507654321,B,\"\(note)\"\n")
    }

    @Test func aFieldOverOneMebibyteIsRefusedWithItsLine() throws {
        let note = String(repeating: "x", count: (1 << 20) + 1)
        try expect(.refused(line: 3, problem: "a field is longer than 1 MiB"),
                   "huge-field.csv", "phone,name,note\n0401234567,A,short\n0507654321,B,\(note)\n")
    }

    @Test func tenThousandCharacterLinesImportIntact() throws {
        let names = (0..<50).map { String(repeating: "Nimi\($0) ", count: 10_000 / 7).prefix(9_980) }
        let rows = names.enumerated().map { "040\(1_000_000 + $0.offset),\($0.element),x" }
        try expect(.imports(50) { result throws in
            #expect(result.contacts.compactMap(\.name) == names.map { String($0).trimmingCharacters(in: .whitespaces) })
        }, "long-lines.csv", "phone,name,note\n" + rows.joined(separator: "\n") + "\n")
    }

    @Test func aHeaderOfTwentyThousandColumnsIsRefused() throws {
        let header = "phone," + (0..<20_000).map { "c\($0)" }.joined(separator: ",")
        try expect(.refused(line: 1, problem: "more than 16384 fields at line 1, Excel's limit; is the delimiter right?"),
                   "wide.csv", header + "\n0401234567\n")
    }

    @Test func aRowOfAHundredThousandDelimitersIsRefused() throws {
        try expect(.refused(line: 3, problem: "more than 16384 fields at line 3"),
                   "commas.csv", "phone,name\n0401234567,A\n0507654321" + String(repeating: ",", count: 100_000) + "\n")
    }

    @Test func blankLinesBeforeTheHeaderMoveItsLine() throws {
        try expect(.refused(line: 4, problem: "no phone column"), "late-header.csv", "\n;;\n\nname;email\nMatti;m@example.com\n")
    }
}
