import CallPulseTestSupport
import Foundation

/// One fixed run of a small call center through the built binary, on the database `db` (an
/// SQLite file or a PostgreSQL address): a campaign with a contact field, a call list, a
/// do-not-call number, scripted console sessions one after another (so both engines serve the
/// contacts in the same order), then every reading and privacy command. `run()` returns what
/// each step printed, with the address and the times of day taken out, for comparison.
struct ParityScenario {
    let db: String
    let dir: TemporaryDirectory

    /// What one step printed and how it exited, normalized.
    struct Step: Equatable, CustomStringConvertible {
        let label: String
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "\(label) → exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    static let callList = """
        phone,first_name,language,touchpoint
        040 100 0000,Aino,fi,chat
        040 100 0001,Björn,sv,phone
        040 100 0002,Pekka,fi,chat
        040 100 0003,Outi,fi,shop
        040 100 0004,Matti,fi,phone
        040 100 0005,Kalle,fi,shop
        040 12,Väärä,fi,chat
        040 100 0000,Kaksoiskappale,fi,chat
        040 999 9999,Kielletty,fi,chat
        """

    /// The steps: a label, the arguments (`--db` is added) and what is typed.
    var steps: [(String, [String], String)] {
        let script = Repository.path("Scripts/customer-service-pulse.yaml")
        return [
            ("campaign create", ["campaign", "create", "c", "--script", script, "--client", "ACME Oy", "--field", "touchpoint",
                                 "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24"], ""),
            ("dnc add", ["dnc", "add", "040 999 9999", "--reason", "asked by email"], ""),
            ("import", ["import", "c", dir.file("parity-list.csv")], ""),
            ("import again", ["import", "c", dir.file("parity-list.csv")], ""),
            ("console liisa", ["agent", "c", "--agent", "liisa"], "a\n3\nJonotus kesti liian kauan\n2\n1\nk\nn\n"),
            ("console pekka", ["agent", "c", "--agent", "pekka"], "a\n10\nNopea ja ystävällinen\n5\n5\nq\n"),
            ("console maija", ["agent", "c", "--agent", "maija"], "a\n6\n/note soita iltaisin\nHinta\n/dk\n4\ne\nn\nq\n"),
            ("campaign show", ["campaign", "show", "c"], ""),
            ("stats --json", ["stats", "c", "--json"], ""),
            ("stats", ["stats", "c"], ""),
            ("stats --by", ["stats", "c", "--by", "touchpoint"], ""),
            ("export", ["export", "c"], ""),
            ("export --calls", ["export", "c", "--calls"], ""),
            ("export --excel --no-pii --include-partials", ["export", "c", "--excel", "--no-pii", "--include-partials"], ""),
            ("report", ["report", "c", "--out", "-", "--by", "touchpoint"], ""),
            ("followups", ["followups", "list", "c"], ""),
            ("followups resolve", ["followups", "resolve", "1", "--note", "soitettu takaisin"], ""),
            ("followups --open", ["followups", "list", "c", "--open"], ""),
            ("followups export", ["followups", "export", "c"], ""),
            ("forget", ["forget", "040 100 0000"], ""),
            ("forget nobody", ["forget", "+358409999990"], ""),
            ("forget bad number", ["forget", "040 12"], ""),
            ("export after forget", ["export", "c"], ""),
            ("stats --json after forget", ["stats", "c", "--json"], ""),
            ("dnc list", ["dnc", "list"], ""),
            ("dnc remove", ["dnc", "remove", "+358409999999", "040 555 5555"], ""),
            ("audit", ["audit", "--campaign", "c"], ""),
            ("audit all", ["audit", "--limit", "100"], ""),
            ("campaign show nope", ["campaign", "show", "nope"], ""),
            ("stats nope", ["stats", "nope"], ""),
            ("export nope", ["export", "nope"], ""),
            ("agent nope", ["agent", "nope", "--agent", "liisa"], ""),
            ("import nope", ["import", "nope", dir.file("parity-list.csv")], ""),
            ("campaign create again", ["campaign", "create", "c", "--script", script, "--client", "ACME Oy"], ""),
            ("campaign close", ["campaign", "close", "c"], ""),
            ("console on closed", ["agent", "c", "--agent", "liisa"], "a\n"),
        ]
    }

    func run() throws -> [Step] {
        _ = try dir.write("parity-list.csv", Self.callList)
        return try steps.map { label, arguments, typed in
            let result = try CallPulseBinary.run(arguments + ["--db", db], stdin: typed,
                                                 environment: ["USER": "tester", "TZ": "Europe/Helsinki"])
            return Step(label: label, status: result.status, stdout: normalized(result.stdout, label: label),
                        stderr: normalized(result.stderr, label: label))
        }
    }

    /// `text` without what legitimately differs between two runs: the address, times of day and
    /// dates (the runs are seconds apart and may straddle a minute), epoch seconds in JSON, and
    /// the engine's line about wiping erased data from its files.
    func normalized(_ text: String, label: String) -> String {
        var text = text.replacingOccurrences(of: db, with: "<DB>")
        // The PostgreSQL address as messages show it (libpq's order, no password).
        text = text.replacing(/user=\w+ dbname=\w+ host=\S+ port=\d+/, with: "<DB>")
        if label == "campaign create" { text = text.replacingOccurrences(of: "Created a new database: <DB>\n", with: "") }
        text = text.replacing(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?/, with: "<TIME>")
        text = text.replacing(/\d{1,2}\.\d{1,2}\.\d{4}( (klo )?\d{1,2}[.:]\d{2}([.:]\d{2})?)?/, with: "<TIME>")
        text = text.replacing(/\b\d{1,2}:\d{2}(:\d{2})?\b/, with: "<TIME>")
        text = text.replacing(/"(\w*[aA]t|generated\w*|now)" : \d+/) { "\"\($0.1)\" : <EPOCH>" }
        // How long the piped sessions took: 0 s or 1 s, as the second boundary falls.
        text = text.replacing(/"(loggedInSeconds|meanInterviewSeconds|completesPerHour|activeHours)" : [\d.]+/) {
            "\"\($0.1)\" : <SECONDS>"
        }
        text = text.replacing(/<TIME>([,;])\d+\1/) { "<TIME>\($0.1)<SECONDS>\($0.1)" }
        text = text.replacing(/(<TIME>\s+)(–|[\d.]+)(\s+<TIME>)/) { "\($0.1)<CPH>\($0.3)" }
        // completesPerHour is left out while nobody has been logged in a whole second, and the
        // agents' table is as wide as its widest figure.
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"completesPerHour\"") }
            .map { $0.contains("<CPH>") || $0.contains(" CPH ") ? $0.replacing(/\ {2,}/, with: "  ") : $0 }
            .joined(separator: "\n")
        text = text.replacing(/\(in \d+ (min|h|d)( \d+ h)?\)/, with: "(in <SPAN>)")
        text = text.replacing(/\ in \d+(\.\d+)? ?(s|ms|min)\b/, with: " in <DURATION>")
        if label.hasPrefix("forget") {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("Write-ahead log") && !$0.contains("VACUUM") && !$0.contains("rewr") }
                .joined(separator: "\n")
        }
        return text
    }

    /// The first line where two steps differ, with the lines around it, for a readable failure.
    static func firstDifference(_ lhs: Step, _ rhs: Step) -> String {
        let left = lhs.description.split(separator: "\n", omittingEmptySubsequences: false)
        let right = rhs.description.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = (0..<min(left.count, right.count)).first(where: { left[$0] != right[$0] })
                ?? (left.count == right.count ? nil : min(left.count, right.count))
        else { return "no difference" }
        let window = max(0, index - 2)..<index + 3
        return """
            \(lhs.label): first difference at line \(index + 1)
            SQLite:     \(window.compactMap { left.indices.contains($0) ? left[$0] : nil }.joined(separator: "\n            "))
            PostgreSQL: \(window.compactMap { right.indices.contains($0) ? right[$0] : nil }.joined(separator: "\n            "))
            """
    }
}
