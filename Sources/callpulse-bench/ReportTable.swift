import Foundation

/// The bench's result table: one row per measured figure, CallPulse beside its peer, and the ratio.
struct ReportTable {
    struct Row {
        var scenario: String
        var measure: String
        var callPulse: String
        var peer: String
        var ratio: String
        var target: String
    }

    var rows: [Row] = []

    mutating func add(_ scenario: String, _ measure: String, _ callPulse: String, peer: String = "",
                      ratio: String = "", target: String = "") {
        rows.append(Row(scenario: scenario, measure: measure, callPulse: callPulse, peer: peer, ratio: ratio, target: target))
    }

    /// A Markdown table, ready for the README.
    var markdown: String {
        var lines = ["| # | measure | CallPulse | peer | ratio | target |", "|---|---|---|---|---|---|"]
        for row in rows {
            lines.append("| \(row.scenario) | \(row.measure) | \(row.callPulse) | \(row.peer) | \(row.ratio) | \(row.target) |")
        }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ value: Double) -> String {
        value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
    }

    static func millis(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }

    /// The median and 99th percentile of latency samples, "p50 / p99" in milliseconds.
    static func p50p99(_ samples: [Double]) -> String {
        "\(millis(Stats.median(samples))) / \(millis(Stats.percentile(samples, 99)))"
    }

    static func mib(_ value: Double) -> String { String(format: "%.0f MiB", value) }

    static func times(_ value: Double) -> String { String(format: "%.2f×", value) }
}

/// What machine the figures came from, for the README.
enum MachineDescription {
    static var text: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let version = try? Spawn.run("sqlite3", ["--version"]).output.split(separator: " ").first.map(String.init)
        return "\(cpu), \(cores) cores, \(String(format: "%.0f", memory)) GiB; SQLite \((version ?? nil) ?? "?")"
    }
}
