import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseStore

/// The control socket's framing, including frames a hostile or broken softphone might send.
@Suite struct NetstringTests {
    private func decode(_ bytes: String, max: Int = 1000) throws -> [String] {
        var decoder = Netstring.Decoder(maxLength: max)
        decoder.append(Data(bytes.utf8))
        var messages: [String] = []
        while let payload = try decoder.next() { messages.append(String(decoding: payload, as: UTF8.self)) }
        return messages
    }

    @Test func roundTrips() throws {
        let frame = Netstring.encode(Data(#"{"command":"dial"}"#.utf8))
        #expect(String(decoding: frame, as: UTF8.self) == #"18:{"command":"dial"},"#)
        #expect(try decode(String(decoding: frame, as: UTF8.self)) == [#"{"command":"dial"}"#])
    }

    @Test func takesSeveralFramesAndEmptyOnes() throws {
        #expect(try decode("3:abc,0:,2:de,") == ["abc", "", "de"])
    }

    @Test func waitsForTheRestOfAFrame() throws {
        var decoder = Netstring.Decoder(maxLength: 100)
        for piece in ["1", "1:hello", " worl", "d", ",5:x"] {
            decoder.append(Data(piece.utf8))
            if piece == "d" { #expect(try decoder.next() == nil) }
        }
        #expect(try decoder.next().map { String(decoding: $0, as: UTF8.self) } == "hello world")
        #expect(try decoder.next() == nil)
    }

    @Test(arguments: [
        ("hello", "expected the digits of a length, found 'h'"),
        (":abc,", "a frame without a length before ':'"),
        ("3:abcd", "no ',' after a message of 3 bytes, found 'd'"),
        ("3:abc;", "no ',' after a message of 3 bytes, found ';'"),
        ("1001:", "a message of 1001 bytes (the limit is 1000)"),
        ("99999999999999999999999999:", "a length of more than 4 digits (the limit is 1000 bytes)"),
        ("-1:a,", "expected the digits of a length, found '-'"),
        ("\u{0}\u{1}", "expected the digits of a length, found byte 0x00"),
    ])
    func refusesHostileFrames(_ bytes: String, _ message: String) {
        #expect(throws: TelephonyError.badFrame(message)) { try decode(bytes) }
    }

    @Test func neverBuffersAnEndlessLength() {
        var decoder = Netstring.Decoder(maxLength: 1000)
        decoder.append(Data(repeating: UInt8(ascii: "9"), count: 100_000))
        #expect(throws: TelephonyError.self) { try decoder.next() }
    }

    @Test func readsBaresipEvents() throws {
        let closed: [String: Any] = ["event": true, "type": "CALL_CLOSED", "class": "call", "param": "486 Busy Here"]
        #expect(BaresipSoftphone.event(closed) == .closed(reason: "486 Busy Here"))
        #expect(BaresipSoftphone.event(["event": true, "type": "CALL_RINGING"]) == .ringing)
        #expect(BaresipSoftphone.event(["event": true, "type": "CALL_ESTABLISHED"]) == .established)
        #expect(BaresipSoftphone.event(["event": true, "type": "CALL_RTCP"]) == nil)
        #expect(BaresipSoftphone.event(["response": true, "ok": true]) == nil)
        #expect(BaresipSoftphone.event(["event": "yes", "type": 7]) == nil)
    }
}

/// `--phone`, `--dial-uri` and `--dial-command` as typed.
@Suite struct PhoneAddressTests {
    @Test(arguments: [
        ("baresip", PhoneAddress(host: "127.0.0.1", port: 4444)),
        ("BARESIP", PhoneAddress(host: "127.0.0.1", port: 4444)),
        ("baresip://10.0.0.5:5555", PhoneAddress(host: "10.0.0.5", port: 5555)),
        ("baresip://phone.local", PhoneAddress(host: "phone.local", port: 4444)),
        ("baresip://[::1]:4000", PhoneAddress(host: "::1", port: 4000)),
    ])
    func parses(_ text: String, _ expected: PhoneAddress) throws {
        #expect(try PhoneAddress(parsing: text) == expected)
    }

    @Test(arguments: ["asterisk", "baresip://", "baresip://host:0", "baresip://host:99999", "baresip://host:x",
                      "baresip://a b:1", "baresip://[::1", "sip:127.0.0.1"])
    func refuses(_ text: String) {
        #expect(throws: TelephonyError.badAddress(text)) { try PhoneAddress(parsing: text) }
    }

    @Test func fillsTheDialURI() throws {
        #expect(try DialURI(template: "sip:{e164}@gw.example").uri(for: "+358401234567") == "sip:+358401234567@gw.example")
        #expect(try DialURI(template: nil).uri(for: "+358401234567") == "+358401234567")
        #expect(throws: TelephonyError.self) { try DialURI(template: "sip:agent@gw.example") }
        #expect(throws: TelephonyError.self) { try DialURI(template: "sip:{e164}@gw example") }
    }

    @Test func quotesTheNumberForTheShell() throws {
        let command = try DialCommand(template: "curl -s 'http://phone/dial?n='{e164}")
        #expect(command.commandLine(for: "+358401234567") == "curl -s 'http://phone/dial?n='" + "'+358401234567'")
        #expect(try DialCommand(template: "x {e164}").commandLine(for: "1'2") == #"x '1'\''2'"#)
    }

    @Test func runsTheDialCommandWithTheNumber() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("dialled")
        try DialCommand(template: "printf '%s %s' {e164} \"$CALLPULSE_E164\" > '\(out)'").run(e164: "+358401234567")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "+358401234567 +358401234567")
        #expect(throws: TelephonyError.commandFailed("'exit 3' ended with status 3")) {
            try DialCommand(template: "exit 3").run(e164: "+1")
        }
    }
}
