import CallPulseDomain
import ArgumentParser
import CallPulseKit
import Foundation

/// The agent console's phone options, with site defaults from the environment
/// (`CALLPULSE_PHONE`, `CALLPULSE_DIAL_URI`, `CALLPULSE_DIAL_COMMAND`); an option given wins.
public struct PhoneOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Dial through the agent's baresip softphone over its ctrl_tcp socket (default address 127.0.0.1:4444; env CALLPULSE_PHONE).",
                               valueName: "baresip[://HOST:PORT]"))
    public var phone: String?
    @Option(name: .customLong("dial-uri"),
            help: ArgumentHelp("The SIP address dialled, {e164} standing for the number, e.g. 'sip:{e164}@gateway.example' (default: the number at the softphone's own account domain; env CALLPULSE_DIAL_URI).",
                               valueName: "URI"))
    public var dialURI: String?
    @Option(help: ArgumentHelp("Seconds the line rings before CallPulse hangs up and codes no answer.", valueName: "SECONDS"))
    public var ringSeconds: Int = 30
    @Option(help: ArgumentHelp("Dial by running CMD (/bin/sh) with {e164} and CALLPULSE_E164 set to the number; the agent codes the outcome by key (env CALLPULSE_DIAL_COMMAND).",
                               valueName: "CMD"))
    public var dialCommand: String?

    public init() {}

    /// The phone the options name; nil without one. Throws a `ValidationError` for bad values.
    func makeLine(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PhoneLine? {
        guard (1...600).contains(ringSeconds) else {
            throw ValidationError("--ring-seconds must be between 1 and 600 seconds, not \(ringSeconds)")
        }
        let phone = phone ?? environment["CALLPULSE_PHONE"].flatMap { $0.isEmpty ? nil : $0 }
        let command = dialCommand ?? environment["CALLPULSE_DIAL_COMMAND"].flatMap { $0.isEmpty ? nil : $0 }
        let uri = dialURI ?? environment["CALLPULSE_DIAL_URI"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            let dialURI = try DialURI(template: uri)
            switch (phone, command) {
            case (nil, nil): return nil
            case (_?, _?): throw ValidationError("--phone and --dial-command both name a way to dial; give one")
            case let (phone?, nil):
                return PhoneLine(dialer: .softphone(try PhoneAddress(parsing: phone)), dialURI: dialURI, ringSeconds: ringSeconds)
            case let (nil, command?):
                return PhoneLine(dialer: .command(try DialCommand(template: command)), dialURI: dialURI, ringSeconds: ringSeconds)
            }
        } catch let error as TelephonyError {
            throw ValidationError(error.localizedDescription)
        }
    }
}
