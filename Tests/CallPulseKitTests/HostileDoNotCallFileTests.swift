import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// One hostile do-not-call file and what `dnc import` must make of it.
struct HostileDoNotCallFile: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// These numbers (E.164), in file order.
        case numbers([String])
        /// Refused as a whole; one problem a line, `LINE: reason fragment`.
        case refused([String])
    }

    var file: String
    var outcome: Outcome
    var testDescription: String { file }
}

/// Every file in Fixtures/hostile/dnc/ (see the README.md there) through the do-not-call reader.
@Suite struct HostileDoNotCallFileTests {
    static let folder = "Fixtures/hostile/dnc"

    static let cases: [HostileDoNotCallFile] = [
        .init(file: "letter-o.txt", outcome: .refused(["2: '040 5OO 0113' has a letter in it ('O')"])),
        .init(file: "cyrillic-ze.csv", outcome: .refused(["3: '040 12\u{0417} 4567' has a letter in it ('\u{0417}')"])),
        .init(file: "vanity.txt", outcome: .refused(["1: '0800 FLOWERS' has letters in it"])),
        .init(file: "extensions.txt", outcome: .numbers(["+358401234567", "+358507654321"])),
        .init(file: "spaced-and-dashed.txt", outcome: .numbers(["+358401234567", "+358507654321", "+46701234567"])),
        .init(file: "bidi-override.txt", outcome: .refused(["1: '040 123 ?7654' is not a phone number"])),
        .init(file: "formula-note.csv", outcome: .numbers(["+358401234567"])),
        .init(file: "fullwidth-digits.txt", outcome: .numbers(["+358401234567"])),
    ]

    @Test(arguments: cases)
    func readsTheNumbersOrRefusesTheFileNamingEachLine(_ fixture: HostileDoNotCallFile) throws {
        let path = HostileCorpus.path(Self.folder, fixture.file)
        switch fixture.outcome {
        case let .numbers(numbers):
            #expect(try DoNotCallFile.read(path: path, region: "FI", phoneColumn: nil).map(\.phone) == numbers)
        case let .refused(problems):
            #expect { try DoNotCallFile.read(path: path, region: "FI", phoneColumn: nil) } throws: { error in
                guard case let PrivacyError.invalidLines(_, lines) = error else { return false }
                return lines.count == problems.count
                    && zip(lines, problems).allSatisfy { line, problem in line.hasPrefix("\(path):\(problem)") }
            }
        }
    }

    @Test func everyFixtureHasACaseAndALineInTheReadme() throws {
        try HostileCorpus.expectCovered(Self.folder, by: Self.cases.map(\.file))
    }
}
