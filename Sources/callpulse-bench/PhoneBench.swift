import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import Foundation

/// B6: dialing from the console with real SIP on 127.0.0.1 (`SIPRig`). Per attempt of a no-answer
/// and a busy call, the agent's keystrokes and the seconds the console takes, manual (the agent
/// dials a desk phone and types the outcome key) versus `--phone` (Enter dials, the line codes,
/// Enter saves); and the console's own latency from the softphone's answer event to the first
/// question's prompt. The console runs in-process with scripted keys, so no think time is counted.
struct PhoneBench {
    let context: BenchContext
    let attempts: Int
    let answers: Int
    let ringSeconds: Int
    /// Keys an agent presses on a desk phone per manual attempt: the 10 digits of the national
    /// number the card shows (050 1234567) and the call key.
    static let deskPhoneKeys = 11

    func run(into table: inout ReportTable) throws {
        let path = context.file("b6.sqlite")
        try ConsoleBench(context: context).makeCampaign(path, id: "b6", contacts: 4 * attempts + answers + 10)
        print("B6 starting baresip ×2 and SIPp on 127.0.0.1 …")
        let rig = try SIPRig(directory: context.file("b6-sip"))
        defer { rig.stop() }
        let softphone = TimedSoftphone(try BaresipSoftphone(address: PhoneAddress(port: rig.controlPort)))
        for (name, key, uri) in [("no-answer", "n", rig.nobodyURI), ("busy", "b", rig.busyURI)] {
            print("B6 \(name): \(attempts) attempts manual, \(attempts) with --phone …")
            let manual = try session(path, phone: nil, inputs: Array(repeating: key, count: attempts))
            let line = PhoneLine(dialer: .softphone(PhoneAddress(port: rig.controlPort)), dialURI: try DialURI(template: uri),
                                 ringSeconds: ringSeconds, connector: { _ in softphone })
            let dialled = try session(path, phone: line, inputs: Array(repeating: ["", ""], count: attempts).flatMap { $0 })
            guard dialled.coded == attempts else {
                throw BenchError("B6 \(name): the line coded \(dialled.coded) of \(attempts) attempts; see \(rig.directory)")
            }
            let manualKeys = manual.keystrokes + Double(Self.deskPhoneKeys)
            table.add("B6", "\(name) attempt: agent keystrokes, --phone vs manual (console + \(Self.deskPhoneKeys) on the desk phone)",
                      Self.count(dialled.keystrokes), peer: Self.count(manualKeys),
                      ratio: ReportTable.times(dialled.keystrokes / manualKeys))
            let ring = name == "no-answer" ? ", ring time \(ringSeconds) s; manual: the console alone" : "; manual: the console alone"
            table.add("B6", "\(name) attempt: console-side seconds, --phone vs manual\(ring)",
                      ReportTable.seconds(dialled.seconds), peer: ReportTable.seconds(manual.seconds),
                      ratio: ReportTable.times(dialled.seconds / manual.seconds))
        }
        print("B6 answer latency: \(answers) answered calls …")
        let line = PhoneLine(dialer: .softphone(PhoneAddress(port: rig.controlPort)), dialURI: try DialURI(template: rig.answersURI),
                             ringSeconds: 10, connector: { _ in softphone })
        let answered = try session(path, phone: line, inputs: Array(repeating: ["", "/break"], count: answers).flatMap { $0 },
                                   softphone: softphone)
        guard answered.latencies.count == answers else {
            throw BenchError("B6: \(answered.latencies.count) of \(answers) calls were answered; see \(rig.directory)")
        }
        table.add("B6", "answer event → first question's prompt (\(answers) calls): p50 / p99",
                  "\(ReportTable.millis(Stats.median(answered.latencies))) / \(ReportTable.millis(Stats.percentile(answered.latencies, 99)))",
                  target: "p99 < 50 ms")
    }

    private static func count(_ value: Double) -> String { String(format: value.rounded() == value ? "%.0f" : "%.1f", value) }

    /// What one console session measured.
    struct Measured {
        /// Mean keystrokes per attempt (each line's characters and its Enter).
        var keystrokes: Double
        /// Mean seconds from one card's first prompt to the next card's.
        var seconds: Double
        /// Attempts whose outcome the line coded.
        var coded: Int
        var latencies: [Double]
    }

    private func session(_ path: String, phone: PhoneLine?, inputs: [String], softphone: TimedSoftphone? = nil) throws -> Measured {
        let reader = AttemptReader(inputs: inputs, linesPerAttempt: phone == nil ? 1 : 2, softphone: softphone)
        let output = ConsoleOutput.recording()
        let console = try Console(database: try AppDatabase.open(path: path), campaignID: "b6", agent: "bench", reader: reader,
                                  output: output, interactive: false)
        console.phone = phone
        try console.run()
        let cards = reader.cardsShown
        guard cards.count > 1 else { throw BenchError("B6: the console showed no card; its output:\n\(output.transcript)") }
        let attempts = Double(cards.count - 1)
        return Measured(keystrokes: Double(reader.keystrokes) / attempts, seconds: (cards.last! - cards.first!) / attempts,
                        coded: output.transcript.components(separatedBy: "the line says:").count - 1,
                        latencies: reader.latencies)
    }
}

/// The agent's softphone, noting when it reported an answer.
final class TimedSoftphone: Softphone {
    private let phone: any Softphone
    /// When the last `established` event reached the console; taken by `AttemptReader`.
    var establishedAt: Double?

    init(_ phone: any Softphone) { self.phone = phone }

    var name: String { phone.name }
    func dial(_ uri: String) throws { try phone.dial(uri) }
    func hangUp() throws { try phone.hangUp() }

    func nextEvent(timeout: TimeInterval) throws -> SoftphoneEvent? {
        let event = try phone.nextEvent(timeout: timeout)
        if event == .established { establishedAt = monotonicSeconds() }
        return event
    }
}

/// Feeds the console the agent's keys and notes when each card first asks for an outcome, and when the
/// first question is asked after an answer.
final class AttemptReader: LineReader {
    var completions: [String] = []
    var idle: (() -> Void)?
    private var inputs: [String]
    private let softphone: TimedSoftphone?
    /// Lines the agent types per attempt: a card starts whenever that many were read.
    private let linesPerAttempt: Int
    private var consumed = 0
    private(set) var cardsShown: [Double] = []
    private(set) var latencies: [Double] = []
    private(set) var keystrokes = 0

    init(inputs: [String], linesPerAttempt: Int, softphone: TimedSoftphone?) {
        self.inputs = inputs
        self.linesPerAttempt = linesPerAttempt
        self.softphone = softphone
    }

    func readLine(prompt: String) -> LineInput {
        let now = monotonicSeconds()
        if prompt == "outcome > ", consumed % linesPerAttempt == 0 { cardsShown.append(now) }
        if prompt == "> ", let softphone, let answeredAt = softphone.establishedAt {
            latencies.append(now - answeredAt)
            softphone.establishedAt = nil
        }
        guard !inputs.isEmpty else { return .endOfInput }
        let line = inputs.removeFirst()
        keystrokes += line.count + 1
        consumed += 1
        return .line(line)
    }

    func addToHistory(_ line: String) {}
}
