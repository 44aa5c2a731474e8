import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// The fuzz targets' checks (`FuzzChecks`, shared with Fuzz/) on a few hundred seeded random
/// inputs each, so every run of the suite exercises them; `Fuzz/run.sh` goes much further.
@Suite struct HostileRandomTests {
    /// Bytes a CSV reader finds interesting: structure, blanks, encodings' special bytes.
    static let csvAlphabet: [[UInt8]] = [
        [0x2C], [0x3B], [0x09], [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x20], [0x00],
        Array("phone".utf8), Array("0401234567".utf8), Array("=1+1".utf8), Array("ä".utf8), Array("😀".utf8),
        [0xE4], [0x81], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xD8, 0x3D], [0x1B, 0x5B], [0xC2, 0x9B], [0x27],
    ]

    @Test func csvReaderNeverCrashesAndRecordsRoundTripThroughTheWriter() throws {
        var random = SplitMix64(seed: 6)
        let dir = try TemporaryDirectory()
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                bytes += random.next() % 4 == 0 ? [UInt8.random(in: 0...255, using: &random)]
                    : Self.csvAlphabet.randomElement(using: &random)!
            }
            let chunk = Int.random(in: 8...40, using: &random)
            let problem = FuzzChecks.csv(bytes, chunkSize: chunk, in: dir.path)
            #expect(problem == nil, "\(bytes) with \(chunk)-byte chunks: \(problem ?? "")")
        }
    }

    /// Fields starting with a character the writer guards beyond ASCII (U+202E, fullwidth `＝`)
    /// round-trip with their `'`, as the writer writes them (found by FuzzCSV from the corpus).
    @Test(arguments: ["h\n\u{202E}gnp.exe\n", "h\n\u{FF1D}SUM(A1)\n", "h\n\u{200B}=1+1\n"])
    func guardedNonASCIIStartsRoundTrip(_ text: String) throws {
        let dir = try TemporaryDirectory()
        let problem = FuzzChecks.csv(Array(text.utf8), chunkSize: 8, in: dir.path)
        #expect(problem == nil, "\(problem ?? "")")
    }

    static let conditionAlphabet = [
        "a", "b", "nps", "x", " ", "=", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", ",", "not ", " and ", " or ",
        " in ", "answered", "'", "\"", "3", "-1", "1.5", "1..2", "yes", "no", "#", "ä", "\u{1B}", "\u{202E}", "\n",
    ]

    @Test func conditionParserGivesAConditionOrAnErrorInsideTheSource() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let source = (0..<Int.random(in: 0...16, using: &random))
                .map { _ in Self.conditionAlphabet.randomElement(using: &random)! }.joined()
            let problem = FuzzChecks.condition(source)
            #expect(problem == nil, "\(source.debugDescription): \(problem ?? "")")
        }
    }

    /// Snippets spliced into a valid script: structure, aliases, tabs, controls, other encodings.
    static let yamlSnippets = [
        "\n", "  ", "- ", ": ", "[", "]", "{", "}", ", ", "&a ", "*a", "<<: ", "? ", "|", ">-", "#", "\"", "'", "\t",
        "!!binary ", "---\n", "...\n", "when: \"", "nps", " and ", "(", ")", "\u{1B}[2J", "\u{202E}", "\u{FEFF}", "~", "\\",
    ]

    @Test func mutatedScriptsLoadOrReportProblemsInPlace() throws {
        let original = try String(contentsOfFile: Repository.path("Scripts/customer-service-pulse.yaml"), encoding: .utf8)
        var random = SplitMix64(seed: 8)
        for _ in 0..<200 {
            var lines = original.components(separatedBy: "\n")
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<lines.count, using: &random)
                switch random.next() % 5 {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: Int.random(in: 0...lines.count, using: &random))
                case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
                case 3: lines[index] = String(lines[index].prefix(Int.random(in: 0...lines[index].count, using: &random)))
                default:
                    var line = Array(lines[index])
                    line.insert(contentsOf: Self.yamlSnippets.randomElement(using: &random)!, at: Int.random(in: 0...line.count, using: &random))
                    lines[index] = String(line)
                }
                if lines.isEmpty { lines = [""] }
            }
            var bytes = Array(lines.joined(separator: "\n").utf8)
            if random.next() % 10 == 0 { bytes.insert(UInt8.random(in: 0x80...0xFF, using: &random), at: Int.random(in: 0...bytes.count, using: &random)) }
            let problem = FuzzChecks.script(bytes)
            #expect(problem == nil, "\(problem ?? "")")
        }
    }
}
