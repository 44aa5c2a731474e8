import ArgumentParser
import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import CallPulseSystem
import Foundation

/// `callpulse agent [CAMPAIGN]`: the agent's console.
public struct AgentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Open the agent console: take the next contact, record the call, run the interview.",
        usage: CommandUsage.wrapped("callpulse agent [--db <DB>] [<campaign>] [--agent <NAME>] [--lease <SECONDS>] [--phone baresip[://HOST:PORT]] [--dial-uri <URI>] [--ring-seconds <SECONDS>] [--dial-command <CMD>]"),
        discussion: """
            On a terminal it uses GNU readline (line editing, Tab completion, a history of console commands in \
            ~/.callpulse_history; answers are never kept there). With piped input it reads plain lines and stops \
            when the input ends or nothing is left to call. Every answer is saved the moment it is entered.

            With --phone the console dials through the agent's baresip softphone (Enter on the card dials) and \
            codes busy, no answer and numbers not in use from the line; --dial-command runs a command to dial \
            instead. Site defaults: CALLPULSE_PHONE, CALLPULSE_DIAL_URI, CALLPULSE_DIAL_COMMAND in the environment.
            """
    )

    @OptionGroup public var database: DatabaseOptions
    @Argument(help: "The campaign to work (default: the only active one).") public var campaign: String?
    @Option(help: ArgumentHelp("The agent's name in the call log (default: the login name).", valueName: "NAME"))
    public var agent: String?
    @Option(help: ArgumentHelp("Seconds a claimed contact stays reserved without activity; a crashed console's contacts return to the queue after this.",
                               valueName: "SECONDS"))
    public var lease: Int64 = 120
    @OptionGroup public var phone: PhoneOptions

    public init() {}

    public func validate() throws {
        guard (1...3600).contains(lease) else { throw ValidationError("--lease must be between 1 and 3600 seconds, not \(lease)") }
        _ = try phone.makeLine()
    }

    public func run() throws {
        let db = try database.open()
        let campaignID = try campaign ?? Self.onlyActiveCampaign(db)
        try Self.runConsole(database: db, campaignID: campaignID, agent: agent ?? LoginName.current, lease: lease,
                            phone: phone.makeLine())
    }

    /// Opens the console on the terminal (readline) or on piped input (plain lines).
    static func runConsole(database: any CallPulseStore, campaignID: String, agent: String, lease: Int64 = 120,
                           phone: PhoneLine? = nil) throws {
        let interactive = Terminal.stdinIsTerminal
        let reader: any LineReader
        let output = ConsoleOutput.standard()
        if interactive {
            let history = ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.callpulse_history" }
            let readline = ReadlineReader(historyPath: history)
            readline.idleMilliseconds = Int32(clamping: min(20_000, max(500, lease * 1000 / 3)))
            reader = readline
        } else {
            reader = PlainLineReader(output: output)
        }
        let console = try Console(database: database, campaignID: campaignID, agent: agent, reader: reader,
                                  output: output, interactive: interactive)
        console.queue.leaseSeconds = lease
        console.phone = phone
        try console.run()
    }

    static func onlyActiveCampaign(_ db: any CallPulseStore) throws -> String {
        let active = try db.campaigns().filter { $0.status == .active }
        switch active.count {
        case 1: return active[0].id
        case 0: throw ValidationError("no active campaign in \(db.location); create one with `callpulse campaign create`")
        default:
            throw ValidationError("several campaigns are active (\(active.map(\.id).joined(separator: ", "))); name one: callpulse agent CAMPAIGN")
        }
    }
}
