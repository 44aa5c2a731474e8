import Foundation

/// B1: import a 1,000,000-row dirty call list into a new campaign, beside the Python peer
/// (csv + phonenumbers + sqlite3) and the sqlite3 shell's raw `.import`.
struct ImportBench {
    let context: BenchContext

    func run(into table: inout ReportTable) throws {
        let list = try context.callList()
        let script = context.repositoryRoot + "/Scripts/customer-service-pulse.yaml"

        let ours = context.file("b1-callpulse.sqlite")
        context.removeDatabase(ours)
        _ = try Spawn.run(context.callpulse, ["campaign", "create", "b1", "--script", script, "--client", "Bench", "--db", ours])
        print("B1 callpulse import …")
        let callPulse = try Spawn.run(context.callpulse, ["import", "b1", list, "--db", ours], peakMemory: true)
        guard callPulse.status == 0 else { throw BenchError("callpulse import failed:\n\(callPulse.output)") }

        let python = try pythonPeer()

        let shellDB = context.file("b1-shell.sqlite")
        print("B1 sqlite_cli_import.sh …")
        let shell = try Spawn.run("sh", [context.peers + "/sqlite_cli_import.sh", list, shellDB])

        let imported = Self.importedCount(callPulse.output)
        let rows = context.rows.formatted()
        table.add("B1", "import \(rows) rows: wall (\(imported) imported; peer: \(python.output.trimmingCharacters(in: .whitespacesAndNewlines)))",
                  ReportTable.seconds(callPulse.seconds), peer: "Python \(ReportTable.seconds(python.seconds))",
                  ratio: ReportTable.times(python.seconds / callPulse.seconds) + " faster", target: "≥ 4× faster")
        table.add("B1", "import: peak memory", ReportTable.mib(callPulse.peakMiB), peer: "Python \(ReportTable.mib(python.peakMiB))",
                  target: "< 100 MiB")
        table.add("B1", "import vs the sqlite3 shell's raw .import (no validation)", ReportTable.seconds(callPulse.seconds),
                  peer: "sqlite3 \(ReportTable.seconds(shell.seconds))",
                  ratio: ReportTable.times(callPulse.seconds / shell.seconds) + " its time", target: "report")
    }

    /// The Python peer (SQLite only) on the call list, run once per bench run: B1 and P1 compare to it.
    func pythonPeer() throws -> Spawn.Result {
        if let done = context.memo.pythonImport { return done }
        let list = try context.callList()
        try ensurePhonenumbers()
        let peerDB = context.file("b1-peer.sqlite")
        context.removeDatabase(peerDB)
        print("B1/P1 peer_import.py …")
        let python = try Spawn.run("python3", [context.peers + "/peer_import.py", list, peerDB, "FI"], peakMemory: true)
        guard python.status == 0 else { throw BenchError("peer_import.py failed") }
        context.memo.pythonImport = python
        return python
    }

    /// The figure `callpulse import` prints after "imported".
    static func importedCount(_ output: String) -> String {
        output.split(separator: "\n").first { $0.contains("imported") }?.split(separator: " ").last.map(String.init) ?? "?"
    }

    /// The Python peer needs the `phonenumbers` package (the port of libphonenumber).
    private func ensurePhonenumbers() throws {
        if try Spawn.run("python3", ["-c", "import phonenumbers"]).status == 0 { return }
        print("installing the Python peer's phonenumbers package …")
        let install = try Spawn.run("python3", ["-m", "pip", "install", "--quiet", "phonenumbers"])
        guard install.status == 0 else { throw BenchError("pip install phonenumbers failed; the Python peer cannot run") }
    }
}
