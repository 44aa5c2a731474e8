import ArgumentParser
import CallPulseKit
import CallPulseSystem
import Foundation

/// `callpulse forget PHONE`: a person's request to have their personal data erased.
public struct ForgetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a person's personal data in every campaign (a GDPR erasure request).",
        usage: CommandUsage.wrapped("callpulse forget [--db <DB>] <phone> [--region <CODE>] [--allow-calls] [--force]"),
        discussion: """
            Name, number, contact fields, notes, free-text answers and follow-up notes are erased in one \
            transaction; the person's scores stay, anonymous, so statistics still count them. Unfinished \
            cases end as refusals. The number goes on the do-not-call list, which keeps it only to honour \
            the objection (--allow-calls leaves it off). A number held nowhere is reported, not an error. \
            An import under way on the database is waited for first, so it cannot bring the person back.
            """)

    @OptionGroup public var database: DatabaseOptions
    /// The words the shell gave: one number, or an unquoted `040 123 4567`, which is refused with
    /// the quoted form to type (erasing is not a place to guess which words make the number).
    @Argument(help: ArgumentHelp("The person's number: +358401234567, or as written in --region.", valueName: "phone"))
    public var phone: [String]
    @Option(help: ArgumentHelp("The region for a number written without a country code (ISO code, e.g. FI, SE).",
                               valueName: "CODE"))
    public var region = "FI"
    @Flag(help: "Do not put the number on the do-not-call list.") public var allowCalls = false
    @Flag(help: "Erase even while an agent is in a call with the person (their console can then save nothing more).")
    public var force = false

    public init() {}

    public func validate() throws {
        do { _ = try PhoneArguments.normalize(phone, region: region) } catch {
            throw ValidationError(error.localizedDescription)
        }
        if phone.count > 1 {
            throw ValidationError("forget erases one person at a time: give one number, not \(phone.count) words "
                                  + "(a number written with spaces must be quoted: \"040 123 4567\")")
        }
    }

    public func run() throws {
        let number = try PhoneArguments.normalize(phone, region: region)[0]
        let db = try database.open()
        let report = try ErasureGate.run(on: db) {
            try db.forget(phone: number, actor: LoginName.current, allowCalls: allowCalls, force: force, now: unixNow())
        }
        for line in report.lines { print(line) }
    }
}
