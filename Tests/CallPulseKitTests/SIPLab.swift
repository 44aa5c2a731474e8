import CallPulseTestSupport
import Foundation
@testable import CallPulseKit
@testable import CallPulseStore

/// Real SIP on 127.0.0.1 for the telephony tests: the agent's baresip with `ctrl_tcp`, and as the
/// customer a second baresip that answers, a SIPp that answers with a status, or nothing at all.
///
/// Ports come from a random base in 20000–39999: the agent's SIP port is the base (its TLS
/// transport takes base + 1), its control port base + 4, the customer's SIP port base + 10.
/// Every process is stopped when the lab is dropped.
final class SIPLab {
    enum Customer {
        /// A baresip that answers every call (`answermode=auto`).
        case answers
        /// SIPp answering every INVITE with this final status.
        case rejects(Int, String)
        /// Nothing listens on the customer's port.
        case nobody
    }

    /// Whether baresip and SIPp are installed; the tests say how to get them when not.
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/baresip")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp")
    static let missing = "baresip and SIPp are not installed (Debian: apt-get install baresip sip-tester; .ci/install-deps does it)"

    let directory: TemporaryDirectory
    let base: Int
    private(set) var agent: Process?
    private var customer: Process?

    var controlPort: Int { base + 4 }
    var customerPort: Int { base + 10 }
    var phoneArguments: [String] {
        ["--phone", "baresip://127.0.0.1:\(controlPort)", "--dial-uri", "sip:cust@127.0.0.1:\(customerPort);dialled={e164}"]
    }

    init(customer kind: Customer) throws {
        directory = try TemporaryDirectory()
        base = 20_000 + Int.random(in: 0..<600) * 30
        agent = try startBaresip(name: "agent", port: base, extra: "module_app ctrl_tcp.so\nctrl_tcp_listen 127.0.0.1:\(controlPort)")
        switch kind {
        case .answers: customer = try startBaresip(name: "cust", port: customerPort, extra: "", account: ";answermode=auto")
        case let .rejects(status, reason): customer = try startSIPp(status: status, reason: reason)
        case .nobody: break
        }
    }

    deinit {
        for process in [agent, customer].compactMap({ $0 }) where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Kills the agent's softphone, as when it crashes.
    func killAgentPhone() {
        guard let agent, agent.isRunning else { return }
        kill(agent.processIdentifier, SIGKILL)
        agent.waitUntilExit()
    }

    /// What the agent's softphone logged.
    var agentLog: String { (try? String(contentsOfFile: directory.file("agent.log"), encoding: .utf8)) ?? "" }

    private func startBaresip(name: String, port: Int, extra: String, account: String = "") throws -> Process {
        let config = directory.file(name)
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try """
            poll_method epoll
            sip_listen 127.0.0.1:\(port)
            module_path /usr/lib/baresip/modules
            module g711.so
            module ausine.so
            module aubridge.so
            module_app account.so
            module_app menu.so
            \(extra)
            audio_player aubridge,nil
            audio_source ausine,440
            audio_alert aubridge,nil
            ausrc_srate 48000
            auplay_srate 48000
            ausrc_channels 2
            auplay_channels 2

            """.write(toFile: config + "/config", atomically: true, encoding: .utf8)
        try "<sip:\(name)@127.0.0.1:\(port)>;regint=0\(account)\n".write(toFile: config + "/accounts", atomically: true, encoding: .utf8)
        try "".write(toFile: config + "/contacts", atomically: true, encoding: .utf8)
        let log = directory.file("\(name).log")
        let process = try launch("/usr/bin/baresip", ["-f", config], log: log)
        try waitUntil("baresip \(name) on port \(port)") {
            (try? String(contentsOfFile: log, encoding: .utf8))?.contains("baresip is ready.") == true
        }
        return process
    }

    private func startSIPp(status: Int, reason: String) throws -> Process {
        let scenario = try directory.write("reject.xml", """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="reject \(status)">
              <recv request="INVITE" />
              <send>
                <![CDATA[
                  SIP/2.0 \(status) \(reason)
                  [last_Via:]
                  [last_From:]
                  [last_To:];tag=[pid]SIPpTag01[call_number]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0

                ]]>
              </send>
              <recv request="ACK" />
            </scenario>

            """)
        let log = directory.file("sipp.log")
        let process = try launch("/usr/bin/sipp", ["-sf", scenario, "-i", "127.0.0.1", "-p", String(customerPort),
                                                   "-nostdin", "-trace_err", "-error_file", directory.file("sipp-errors.log")],
                                 log: log)
        try waitUntil("SIPp on port \(customerPort)") { Self.udpPortBound(customerPort) }
        return process
    }

    private func launch(_ path: String, _ arguments: [String], log: String) throws -> Process {
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { throw LabError(message: "\(what) did not start within 10 seconds") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Whether a UDP socket is bound to 127.0.0.1:port (from /proc/net/udp).
    private static func udpPortBound(_ port: Int) -> Bool {
        let table = (try? String(contentsOfFile: "/proc/net/udp", encoding: .utf8)) ?? ""
        return table.contains(String(format: "0100007F:%04X", port))
    }

    struct LabError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
