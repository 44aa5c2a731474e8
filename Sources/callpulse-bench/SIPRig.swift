import Foundation

/// B6's real SIP on 127.0.0.1: the agent's baresip with `ctrl_tcp`, a baresip that answers every
/// call, a SIPp that answers every INVITE with 486 Busy Here, and a port where nothing listens
/// (the call rings out). Ports from a random base: agent SIP base (TLS base + 1), control
/// base + 4, answering baresip base + 10, SIPp base + 20, nobody base + 30.
final class SIPRig {
    let directory: String
    let base = 40_000 + Int.random(in: 0..<300) * 40
    private var processes: [Process] = []

    var controlPort: UInt16 { UInt16(base + 4) }
    var answersURI: String { "sip:cust@127.0.0.1:\(base + 10);dialled={e164}" }
    var busyURI: String { "sip:busy@127.0.0.1:\(base + 20);dialled={e164}" }
    var nobodyURI: String { "sip:nobody@127.0.0.1:\(base + 30);dialled={e164}" }

    init(directory: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/baresip"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp") else {
            throw BenchError("B6 needs baresip and SIPp (Debian: apt-get install baresip sip-tester; .ci/install-deps does it)")
        }
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            try startBaresip("agent", port: base, lines: ["module_app ctrl_tcp.so", "ctrl_tcp_listen 127.0.0.1:\(base + 4)"])
            try startBaresip("cust", port: base + 10, lines: [], account: ";answermode=auto")
            try startBusySIPp(port: base + 20)
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    func stop() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        processes.removeAll()
    }

    private func startBaresip(_ name: String, port: Int, lines: [String], account: String = "") throws {
        let config = directory + "/" + name
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        // Audio needs a source and a sink, or a call never reaches CALL_ESTABLISHED.
        let settings = ["poll_method epoll", "sip_listen 127.0.0.1:\(port)", "module_path /usr/lib/baresip/modules",
                        "module g711.so", "module ausine.so", "module aubridge.so", "module_app account.so",
                        "module_app menu.so"] + lines
            + ["audio_player aubridge,nil", "audio_source ausine,440", "audio_alert aubridge,nil", "ausrc_srate 48000",
               "auplay_srate 48000", "ausrc_channels 2", "auplay_channels 2"]
        try (settings.joined(separator: "\n") + "\n").write(toFile: config + "/config", atomically: true, encoding: .utf8)
        try "<sip:\(name)@127.0.0.1:\(port)>;regint=0\(account)\n".write(toFile: config + "/accounts", atomically: true, encoding: .utf8)
        try "".write(toFile: config + "/contacts", atomically: true, encoding: .utf8)
        let log = directory + "/\(name).log"
        try launch("/usr/bin/baresip", ["-f", config], log: log)
        try waitUntil("baresip \(name) on port \(port)") {
            (try? String(contentsOfFile: log, encoding: .utf8))?.contains("baresip is ready.") == true
        }
    }

    private func startBusySIPp(port: Int) throws {
        let scenario = directory + "/busy.xml"
        let reply = ["SIP/2.0 486 Busy Here", "[last_Via:]", "[last_From:]", "[last_To:];tag=[pid]SIPpTag01[call_number]",
                     "[last_Call-ID:]", "[last_CSeq:]", "Content-Length: 0", "", ""].joined(separator: "\n")
        try """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="busy">
            <recv request="INVITE" />
            <send><![CDATA[
            \(reply)]]></send>
            <recv request="ACK" />
            </scenario>

            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        try launch("/usr/bin/sipp", ["-sf", scenario, "-i", "127.0.0.1", "-p", String(port), "-nostdin"],
                   log: directory + "/sipp.log")
        try waitUntil("SIPp on port \(port)") {
            ((try? String(contentsOfFile: "/proc/net/udp", encoding: .utf8)) ?? "").contains(String(format: "0100007F:%04X", port))
        }
    }

    private func launch(_ path: String, _ arguments: [String], log: String) throws {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes.append(process)
    }

    private func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { throw BenchError("\(what) did not start within 10 seconds (logs in \(directory))") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
