import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import Foundation
import GRDB

/// B5: the console — from an answer entered to the next question shown, durable commit included;
/// and start-up, from launching `callpulse agent` to its first prompt.
struct ConsoleBench {
    let context: BenchContext

    func run(into table: inout ReportTable) throws {
        let path = context.file("b5.sqlite")
        try makeCampaign(path, contacts: 1000)
        print("B5 answer latency …")
        let samples = try answerLatencies(path, interviews: 150)
        table.add("B5", "answer entered → next question shown (\(samples.count) answers): p50 / p99",
                  "\(ReportTable.millis(Stats.median(samples))) / \(ReportTable.millis(Stats.percentile(samples, 99)))",
                  target: "p99 < 10 ms")
        print("B5 start-up …")
        let startups = try (0..<15).map { _ in try startUp(path) }
        table.add("B5", "start-up to the first prompt: median", ReportTable.millis(Stats.median(startups)), target: "< 150 ms")
    }

    /// A campaign `id` open all week with `contacts` Finnish mobile numbers (+35850 and 7 digits).
    func makeCampaign(_ path: String, id: String = "b5", contacts: Int) throws {
        context.removeDatabase(path)
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"
        let created = try Spawn.run(context.callpulse, [
            "campaign", "create", id, "--script", script, "--client", "Bench",
            "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--quarantine-days", "0", "--db", path,
        ])
        guard created.status == 0 else { throw BenchError("cannot create the campaign \(id)") }
        try AppDatabase.open(path: path).write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO contact (campaignId, phone, phoneRegion, name, firstName, language, timeZone, fields, status, attempts)
                SELECT ?, '+35850' || printf('%07d', i), 'FI', 'Bench ' || i, 'Bench', 'fi', 'Europe/Helsinki',
                       '{"touchpoint":"support"}', 'new', 0 FROM n
                """, arguments: [contacts, id])
        }
    }

    /// Runs real interviews through the console in-process and times each answer to the next prompt.
    private func answerLatencies(_ path: String, interviews: Int) throws -> [Double] {
        let database = try AppDatabase.open(path: path)
        let answers = ["a", "9", "Nopea ja ystävällinen palvelu", "4", "5"]
        let reader = TimingReader(inputs: Array((0..<interviews).map { _ in answers }.joined()))
        let console = try Console(database: database, campaignID: "b5", agent: "bench", reader: reader,
                                  output: .recording(), interactive: false)
        try console.run()
        return reader.samples
    }

    /// Launches `callpulse agent` and waits for its first prompt.
    private func startUp(_ path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: context.callpulse)
        process.arguments = ["agent", "b5", "--agent", "startup", "--db", path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let start = monotonicSeconds()
        try process.run()
        var seen = ""
        while !seen.contains("outcome > ") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        let elapsed = monotonicSeconds() - start
        input.fileHandleForWriting.write(Data("q\n".utf8))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return elapsed
    }
}

/// Feeds the console its inputs and measures, for every answer, the time until the console asks
/// for the next one (the save, its durable commit, and the next question's rendering).
final class TimingReader: LineReader {
    var completions: [String] = []
    var idle: (() -> Void)?
    private var inputs: [String]
    private var answeredAt: Double?
    private(set) var samples: [Double] = []

    init(inputs: [String]) { self.inputs = inputs }

    func readLine(prompt: String) -> LineInput {
        let now = monotonicSeconds()
        if let answeredAt, prompt == "> " { samples.append(now - answeredAt) }
        answeredAt = nil
        guard !inputs.isEmpty else { return .endOfInput }
        let line = inputs.removeFirst()
        if prompt == "> " { answeredAt = monotonicSeconds() }
        return .line(line)
    }

    func addToHistory(_ line: String) {}
}
