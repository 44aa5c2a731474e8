import Foundation

/// The agent's console: takes the next contact, shows its card, records the call's outcome with
/// one key, and runs the interview, saving every answer the moment it is entered.
///
/// It talks to the keyboard only through a `LineReader` (readline on a terminal, plain lines from
/// a pipe, a scripted list in tests) and to the screen only through a `ConsoleOutput`.
public final class Console {
    let database: AppDatabase
    let campaign: Campaign
    let script: InterviewScript
    let agent: String
    let reader: any LineReader
    let output: ConsoleOutput
    let clock: @Sendable () -> Int64
    /// On a terminal the console waits when nothing is due; with piped input it stops.
    let interactive: Bool
    var queue: ContactQueue

    /// What one session did, for the goodbye line and tests.
    public struct Summary: Sendable, Equatable {
        public var calls = 0
        public var completes = 0
        public var followUps = 0
    }

    public internal(set) var summary = Summary()

    public init(database: AppDatabase, campaignID: String, agent: String, reader: any LineReader, output: ConsoleOutput,
                interactive: Bool, clock: @escaping @Sendable () -> Int64 = unixNow) throws {
        self.database = database
        campaign = try database.campaign(id: campaignID)
        script = try campaign.loadScript()
        self.agent = agent
        self.reader = reader
        self.output = output
        self.interactive = interactive
        self.clock = clock
        queue = ContactQueue(database: database, campaignID: campaignID, agent: agent)
    }

    /// Runs until the agent quits, the input ends, or (with piped input) nothing is left to call.
    public func run() throws {
        output.line("CallPulse · campaign \(campaign.id) (\(Terminal.sanitize(campaign.client))) · agent \(Terminal.sanitize(agent))")
        output.line("Keys on the contact card: a answered, n no answer, b busy, m machine, c call back, ? all keys, q quit.")
        defer {
            output.line("Session ended: \(summary.calls) calls, \(summary.completes) completes, \(summary.followUps) follow-ups.")
        }
        while true {
            let result = try persist("claim the next contact") { try queue.claimNext(now: clock()) }
            switch result {
            case let .nothing(reason):
                output.line(NothingMessage.text(reason, campaign: campaign, now: clock()))
                if case .allDone = reason { return }
                if case .campaignClosed = reason { return }
                guard interactive else { return }
                switch reader.readLine(prompt: "[Enter] check again · q quit > ") {
                case .line(let text) where text.trimmingCharacters(in: .whitespaces).lowercased() == "q": return
                case .line: continue
                case .interrupt, .endOfInput: return
                }
            case let .claimed(claimed):
                guard try handle(claimed) else { return }
            }
        }
    }

    /// Works one claimed contact; returns false when the agent wants to stop.
    private func handle(_ claimed: ClaimedContact) throws -> Bool {
        let contactID = claimed.contact.id!
        let startedAt = clock()
        for line in ContactCard.render(claimed, campaign: campaign, now: startedAt) { output.line(line) }
        OutcomeMenu.lines.forEach(output.line)
        reader.completions = ["?", "q"]
        reader.idle = { [database, agent, queue, clock] in
            _ = try? database.renewLease(contactID: contactID, agent: agent, until: clock() + queue.leaseSeconds)
        }
        defer { reader.idle = nil }
        while true {
            let input = reader.readLine(prompt: "outcome > ")
            guard case let .line(raw) = input else {
                try release(contactID)
                return false
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard let key = text.first?.lowercased().first else { continue }
            let note = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
            reader.addToHistory(String(key))
            switch key {
            case "q":
                try release(contactID)
                return false
            case "?", "h":
                OutcomeMenu.lines.forEach(output.line)
                continue
            default: break
            }
            guard let outcome = CallOutcome(key: key) else {
                output.line("  '\(Terminal.sanitize(String(key)))' is not an outcome key; ? shows them all.")
                continue
            }
            summary.calls += 1
            if outcome == .answered { return try interview(claimed, callStartedAt: startedAt) }
            var result = CallResult(outcome: outcome, note: note.isEmpty ? nil : note)
            if outcome == .callBack {
                guard let at = askCallbackTime(zone: zone(of: claimed.contact, campaign: campaign)) else { continue }
                result.callbackAt = at
            }
            let contact = try persist("save the call") {
                try database.recordCall(contactID: contactID, agent: agent, startedAt: startedAt, result: result, now: clock())
            }
            output.line("  ✓ \(outcome.label)" + Self.nextStep(contact, zone: zone(of: contact, campaign: campaign)))
            return true
        }
    }

    /// Gives the claimed contact back to the queue and says so.
    private func release(_ contactID: Int64) throws {
        try persist("release the contact") { try database.releaseContact(contactID: contactID, agent: agent) }
        output.line("Contact released; it goes back to the queue.")
    }

    /// Asks for a call-back time, in the customer's own time zone, until one parses; nil when the
    /// agent gives up (empty line, Ctrl-C).
    func askCallbackTime(zone: TimeZone) -> Int64? {
        while true {
            guard case let .line(text) = reader.readLine(prompt: "call back when? (15:30, tomorrow 10, +2h, 25.11. 14:00) > "),
                  !text.trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            if let at = callbackTime(text, zone: zone) {
                output.line("  → \(TimeFormat.dateTime(at, timeZone: zone)) \(zone.identifier)")
                return at
            }
        }
    }

    /// Reads what the agent typed as a call-back time in `zone`; says why and gives nil when it cannot.
    func callbackTime(_ text: String, zone: TimeZone) -> Int64? {
        switch CallbackTimeParser.parse(text, now: Date(timeIntervalSince1970: TimeInterval(clock())), timeZone: zone) {
        case let .success(date): return Int64(date.timeIntervalSince1970)
        case let .failure(error):
            output.line("  ✗ \(error.localizedDescription)")
            return nil
        }
    }

    /// What happens to the contact next, for the line after an outcome.
    static func nextStep(_ contact: Contact, zone: TimeZone) -> String {
        switch contact.status {
        case .done: " — case closed (AAPOR \(contact.disposition ?? "?"))"
        case .scheduled: contact.nextCallAt.map { " — next try \(TimeFormat.dateTime($0, timeZone: zone)) \(zone.identifier)" } ?? ""
        case .new: ""
        }
    }

    /// Runs a database step; on a failure (a lock held too long, a full disk, a read-only file)
    /// says so and tries again, so what the agent entered is never dropped. With piped input it
    /// retries a few times and then gives up with the error. An error no retry can mend (the
    /// contact was erased, its lease taken) is thrown at once.
    func persist<T>(_ what: String, _ body: () throws -> T) throws -> T {
        var failures = 0
        while true {
            do { return try body() } catch where !StoreError.mayPassWithTime(error) {
                throw error
            } catch {
                failures += 1
                output.line("  ! could not \(what): \(error.localizedDescription)")
                if interactive {
                    output.line("    Nothing is lost: it is still here. Press Enter to try again.")
                    if case .endOfInput = reader.readLine(prompt: "retry > ") { throw error }
                } else {
                    guard failures < 5 else { throw error }
                    Thread.sleep(forTimeInterval: 0.5 * Double(failures))
                }
            }
        }
    }
}
