import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// `campaign show` and `export --calls` put words beside the codes a person would otherwise have
/// to look up (3.13, noAnswer), keeping the codes.
@Suite(.serialized) struct OutcomeWordsEndToEndTests {
    @Test func showAndTheCallsExportSayTheCodesInWords() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 4, in: dir)
        // A refusal, a no-answer, a number not in use and a "never call again".
        let agent = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "r\nn\nx\nd\ny\n")
        #expect(agent.status == 0, "\(agent.stderr)")

        let show = try CallPulseBinary.run(["campaign", "show", "c", "--db", db])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("    refusal (2.11): 2"), "\(show.stdout)")
        #expect(show.stdout.contains("    non-working number (4.31): 1"))
        #expect(show.stdout.contains("  waiting for a retry or appointment: 1\n    last call no answer (3.13): 1"))
        #expect(!show.stdout.contains("    2.11: "))

        let calls = try CallPulseBinary.run(["export", "c", "--calls", "--no-pii", "--db", db])
        #expect(calls.status == 0, "\(calls.stderr)")
        let lines = calls.stdout.components(separatedBy: "\r\n")
        // The six line columns after them are empty: these calls were dialled by hand.
        #expect(lines.first == "call_id,contact_id,started,ended,duration_s,agent,outcome,outcome_label,aapor,aapor_label,"
                + "dialled,ring_s,talk_s,sip_status,sip_reason,coded_by")
        #expect(lines.contains { $0.hasSuffix(",liisa,noAnswer,no answer,3.13,no answer,,,,,,") }, "\(calls.stdout)")
        #expect(lines.contains { $0.hasSuffix(",liisa,neverCallAgain,asks never to be called again,2.11,refusal,,,,,,") })
        #expect(lines.contains { $0.hasSuffix(",liisa,notInUse,number not in use,4.31,non-working number,,,,,,") })
    }
}
