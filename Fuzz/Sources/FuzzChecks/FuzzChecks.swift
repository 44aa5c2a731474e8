import Foundation
@testable import CallPulseCallList
@testable import CallPulseDomain
@testable import CallPulseKit

/// The invariants of CallPulse's readers of hostile input, shared by the libFuzzer harnesses in
/// `Fuzz/` and the randomized tests in the suite (`Tests/CallPulseKitTests/FuzzChecks` links here).
/// Each check returns nil when the input was handled as promised, else what went wrong; a crash
/// or a hang is a failure by itself.
public enum FuzzChecks {
    /// A call list: read with the default 1 MiB chunks and again `chunkSize` bytes at a time, the
    /// records and any error are the same; an error names the file (and a line ≥ 1 when it has
    /// one); every record read comes back unchanged through `CSVWriter` and the reader (text the
    /// writer guards against formulas gains its leading `'`). Files go in `directory`.
    public static func csv(_ bytes: [UInt8], chunkSize: Int, in directory: String) -> String? {
        let path = directory + "/fuzz.csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return "cannot write \(path)" }
        let whole = CSVReading(path: path, encoding: nil, delimiter: nil, chunkSize: CSVParser.defaultChunkSize)
        if let problem = whole.badError(path: path) { return problem }
        guard let encoding = whole.encoding, let delimiter = whole.delimiter else { return nil }
        let chunked = CSVReading(path: path, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize)
        guard chunked.header == whole.header, chunked.records == whole.records, chunked.error == whole.error else {
            return "\(chunkSize)-byte chunks read \(chunked) but 1 MiB chunks \(whole)"
        }
        return roundTrip(whole.records, through: directory + "/fuzz-out.csv")
    }

    private static func roundTrip(_ records: [CSVRecord], through path: String) -> String? {
        do {
            let writer = try CSVWriter(path: path)
            try writer.writeRow(texts: ["h"])
            for record in records { try writer.writeRow(texts: record.fields) }
            try writer.finish()
        } catch {
            return "the writer failed: \(error)"
        }
        let back = CSVReading(path: path, encoding: .utf8, delimiter: ASCII.comma, chunkSize: CSVParser.defaultChunkSize)
        let expected = records.map { $0.fields.map(guardedAgainstFormulas) }
        guard back.error == nil, back.header == ["h"], back.records.map(\.fields) == expected else {
            return "round trip through CSVWriter gave \(back), expected \(expected)"
        }
        return nil
    }

    private static func guardedAgainstFormulas(_ text: String) -> String {
        CSVWriter.needsFormulaGuard(text) ? "'" + text : text
    }

    /// A condition: it parses, or its syntax error points inside the source (or just past it).
    public static func condition(_ source: String, questionIDs: Set<String> = ["a", "b", "nps"]) -> String? {
        do {
            let condition = try Condition(parsing: source, questionIDs: questionIDs)
            let answers: [String: AnswerValue] = ["a": .number(3), "b": .choices(["x"]), "nps": .text("t")]
            _ = condition.evaluate(answers)
            _ = condition.referencedQuestionIDs
            return nil
        } catch {
            let length = source.unicodeScalars.count
            guard (0...length).contains(error.offset), !error.message.isEmpty else {
                return "syntax error at offset \(error.offset) of \(length): \(error.message)"
            }
            return nil
        }
    }

    /// A script file's bytes: they load, or every problem has a line and column in the file and
    /// prints as `FILE:LINE:COLUMN: message` with no control characters.
    public static func script(_ bytes: [UInt8]) -> String? {
        let file = "fuzz.yaml"
        do {
            _ = try InterviewScript.parse(yaml: try ScriptText.decode(bytes, file: file), file: file)
            return nil
        } catch let error as ScriptError {
            let lines = bytes.count + 2 // YAML also breaks lines at U+0085, U+2028 and U+2029
            guard !error.problems.isEmpty else { return "a ScriptError without problems" }
            for problem in error.problems {
                let text = problem.description
                guard problem.line >= 1, problem.line <= lines, problem.column >= 1,
                      text.hasPrefix("\(file):\(problem.line):\(problem.column): "), !problem.message.isEmpty,
                      !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
                else { return "bad problem: \(text.debugDescription)" }
            }
            return nil
        } catch {
            return "unexpected error \(error)"
        }
    }
}

/// Everything one reader gave for a file: header, records up to the first error, and that error.
struct CSVReading: CustomStringConvertible {
    var encoding: TextEncoding?
    var delimiter: UInt8?
    var header: [String] = []
    var records: [CSVRecord] = []
    var error: CallListError?

    init(path: String, encoding: TextEncoding?, delimiter: UInt8?, chunkSize: Int) {
        do {
            let reader = try CSVReader(path: path, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize)
            (self.encoding, self.delimiter, header) = (reader.encoding, reader.delimiter, reader.header)
            while let record = try reader.next() { records.append(record) }
        } catch {
            self.error = error as? CallListError ?? CallListError(file: path, message: "not a CallListError: \(error)")
        }
    }

    /// What is wrong with the error, if anything: it must name the file and a line ≥ 1, if any.
    func badError(path: String) -> String? {
        guard let error else { return nil }
        if error.file != path || (error.line ?? 1) < 1 || error.message.isEmpty { return "bad error \(error)" }
        return nil
    }

    var description: String { "header \(header), \(records.count) records \(records), error \(String(describing: error))" }
}
