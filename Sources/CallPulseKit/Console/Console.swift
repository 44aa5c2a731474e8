import CallPulseDomain
import CallPulseStore
import CallPulseSystem
import Foundation

/// The agent's console: takes the next contact, shows its card, records the call's outcome with
/// one key, and runs the interview, saving every answer the moment it is entered.
///
/// It talks to the keyboard only through a `LineReader` (readline on a terminal, plain lines from
/// a pipe, a scripted list in tests) and to the screen only through a `ConsoleOutput`.
public final class Console {
    let database: any CallPulseStore
    let campaign: Campaign
    let script: InterviewScript
    let agent: String
    let reader: any LineReader
    let output: ConsoleOutput
    let clock: @Sendable () -> Int64
    /// On a terminal the console waits when nothing is due; with piped input it stops.
    let interactive: Bool
    package var queue: ContactQueue
    /// The phone that dials for the agent (`--phone`, `--dial-command`); nil: the agent dials by hand.
    public var phone: PhoneLine?
    /// The call row the last interview started, for its line data.
    var lastCallID: Int64?
    /// The answered call the interview runs on, while CallPulse's softphone holds it.
    var liveCall: LiveCall?

    /// What one session did, for the goodbye line and tests.
    public struct Summary: Sendable, Equatable {
        public var calls = 0
        public var completes = 0
        public var followUps = 0
    }

    public internal(set) var summary = Summary()

    /// This console as the holder of the leases it takes: every write for the agent names it.
    var holder: LeaseHolder { queue.holder }

    public init(database: any CallPulseStore, campaignID: String, agent: String, reader: any LineReader, output: ConsoleOutput,
                interactive: Bool, session: String = ConsoleSession.current,
                clock: @escaping @Sendable () -> Int64 = unixNow) throws {
        self.database = database
        campaign = try database.campaign(id: campaignID)
        script = try campaign.loadScript()
        self.agent = agent
        self.reader = reader
        self.output = output
        self.interactive = interactive
        self.clock = clock
        queue = ContactQueue(store: database, campaignID: campaignID, agent: agent)
        queue.session = session
    }

    /// Runs until the agent quits, the input ends, or (with piped input) nothing is left to call.
    public func run() throws {
        output.line("CallPulse · campaign \(campaign.id) (\(Terminal.sanitize(campaign.client))) · agent \(Terminal.sanitize(agent))")
        output.line("Keys on the contact card: a answered, n no answer, b busy, m machine, c call back, ? all keys, q quit.")
        defer {
            phone?.hangUpAndSettle()
            output.line("Session ended: \(Plural.of(summary.calls, "call")), \(Plural.of(summary.completes, "complete")), "
                        + "\(Plural.of(summary.followUps, "follow-up")).")
        }
        try startPhone()
        if let interrupted = try persist("take back an interrupted contact", {
            try queue.reclaimInterrupted(now: clock(), isGone: ConsoleSession.isGone)
        }) {
            output.line("Your interrupted contact #\(interrupted.contact.id ?? 0) comes back first: the console that held it stopped or its lease ran out.")
            guard try handle(interrupted) else { return }
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

    /// Works one claimed contact; returns false when the agent wants to stop. When the contact's
    /// lease passed to another console meanwhile, says so and goes on to the next contact.
    private func handle(_ claimed: ClaimedContact) throws -> Bool {
        var typed: String?
        do {
            return try work(claimed, typed: &typed)
        } catch let error as StoreError {
            guard case let .leaseLost(contactID, takenBy) = error else { throw error }
            reportLeaseLost(contactID: contactID, takenBy: takenBy, unsaved: typed.map { ("outcome", $0) }, savedAnswers: nil)
            return true
        }
    }

    /// The card of one claimed contact; `typed` is the outcome line being saved, for the message
    /// when it cannot be.
    private func work(_ claimed: ClaimedContact, typed: inout String?) throws -> Bool {
        let contactID = claimed.contact.id!
        let startedAt = clock()
        try closeInterruptedCall(claimed)
        for line in ContactCard.render(claimed, campaign: campaign, now: startedAt) { output.line(line) }
        reader.idle = { [database, holder, queue, clock] in
            _ = try? database.renewLease(contactID: contactID, holder: holder, until: clock() + queue.leaseSeconds)
        }
        defer { reader.idle = nil }
        // An interview a stopped console left: with a phone the old call is gone (hung up on start)
        // and the card dials again; without one the customer may still be on the line, so Enter
        // resumes, and a key codes this attempt when they are not.
        let resumable = claimed.reason == .interrupted && claimed.interruptedCall?.outcome == .answered
        OutcomeMenu.lines.forEach(output.line)
        if phone != nil {
            output.line("  Enter (an empty line) dials \(PhoneDisplay.international(claimed.contact.phone)).")
        } else if resumable {
            output.line("The interview of this contact was interrupted: Enter (or a) resumes it where it stopped;")
            output.line("  if the customer is no longer on the line, key what this call gave (n, b, c TIME …).")
        }
        reader.completions = ["?", "q"]
        var line: (outcome: CallOutcome?, paradata: CallParadata?)?
        var askedForDialledOutcome = false
        while true {
            let input = reader.readLine(prompt: "outcome > ")
            guard case let .line(raw) = input else {
                if case let (lineOutcome?, paradata)? = line {
                    try save(CallResult(outcome: lineOutcome, paradata: paradata), contactID: contactID, startedAt: startedAt)
                } else {
                    try release(contactID)
                }
                return false
            }
            typed = raw.trimmingCharacters(in: .whitespaces)
            let entry = OutcomeEntry.parse(raw)
            if entry != .nothing { reader.addToHistory(raw.trimmingCharacters(in: .whitespaces)) }
            var result: CallResult
            switch entry {
            case .nothing:
                if case let (lineOutcome?, paradata)? = line {
                    result = CallResult(outcome: lineOutcome, paradata: paradata)
                    break
                }
                guard let phone else {
                    if resumable { return try interview(claimed, callStartedAt: startedAt) }
                    continue
                }
                switch dial(claimed, phone: phone) {
                case let .answered(paradata, answeredAt):
                    liveCall = LiveCall(answeredAt: answeredAt)
                    defer { hangUpAnswered(paradata, phone: phone) }
                    return try interview(claimed, callStartedAt: startedAt)
                case let .lineCoded(lineOutcome, paradata): line = (lineOutcome, paradata)
                case let .manual(paradata): line = paradata.map { (nil, $0) }
                }
                continue
            case .quit:
                // The dial happened: the call log keeps the line's outcome, or the agent is asked once for one.
                if case let (lineOutcome?, paradata)? = line {
                    try save(CallResult(outcome: lineOutcome, paradata: paradata), contactID: contactID, startedAt: startedAt)
                    return false
                }
                if line != nil, !askedForDialledOutcome {
                    askedForDialledOutcome = true
                    output.line("  The number was dialled but the call has no outcome yet: type its key to save it, "
                                + "or q again to give the contact back without it.")
                    continue
                }
                try release(contactID)
                return false
            case .help:
                OutcomeMenu.lines.forEach(output.line)
                continue
            case let .invalid(message):
                output.line("  ✗ \(message). The keys:")
                OutcomeMenu.lines.forEach(output.line)
                continue
            case .outcome(.answered, _):
                // After a dial (a dial command, or a call the line left to the agent) the call keeps its line data.
                guard let keyed = Self.paradata(line, coded: .answered) else {
                    return try interview(claimed, callStartedAt: startedAt)
                }
                lastCallID = nil
                defer { recordLastCallParadata(keyed) }
                return try interview(claimed, callStartedAt: startedAt)
            case let .outcome(chosen, note):
                result = CallResult(outcome: chosen, note: note, paradata: Self.paradata(line, coded: chosen))
                if chosen == .neverCallAgain, !confirm("Put \(PhoneDisplay.international(claimed.contact.phone)) on the "
                                                         + "do-not-call list of every campaign? [y = yes, Enter = back] > ") {
                    output.line("  Not saved; choose the outcome again.")
                    continue
                }
            case let .callBack(time, note):
                result = CallResult(outcome: .callBack, note: note, paradata: Self.paradata(line, coded: .callBack))
                let customerZone = zone(of: claimed.contact, campaign: campaign)
                if let time, let at = callbackTime(time, zone: customerZone) {
                    output.line("  → \(TimeFormat.dateTime(at, timeZone: customerZone)) \(customerZone.identifier)")
                    result.callbackAt = at
                } else {
                    guard let at = askCallbackTime(zone: customerZone) else { continue }
                    result.callbackAt = at
                    typed = "\(raw.trimmingCharacters(in: .whitespaces)) \(TimeFormat.dateTime(at, timeZone: customerZone))"
                }
            }
            try save(result, contactID: contactID, startedAt: startedAt)
            return true
        }
    }

    /// Records the call's outcome and says what happens to the contact next.
    private func save(_ result: CallResult, contactID: Int64, startedAt: Int64) throws {
        let contact = try persist("save the call") {
            try database.recordCall(contactID: contactID, holder: holder, startedAt: startedAt, result: result, now: clock())
        }
        summary.calls += 1
        output.line("  ✓ \(result.outcome.label)" + Self.nextStep(contact, zone: zone(of: contact, campaign: campaign)))
    }

    /// Closes the call row a console that stopped left open on this contact, with the disposition
    /// its interview had reached (1.2 partial from half the questions answered, else 2.12).
    private func closeInterruptedCall(_ claimed: ClaimedContact) throws {
        guard let call = claimed.interruptedCall, let callID = call.id else { return }
        let language = claimed.resumable?.language ?? script.languages[0]
        let code = InterviewState(script: script, language: language, answers: Self.recorded(claimed.answers))
            .stoppedDisposition
        try persist("close the interrupted call") {
            try database.closeInterruptedCall(callID: callID, contactID: claimed.contact.id!, holder: holder, code: code)
        }
        output.line("  The call of \(TimeFormat.dateTime(call.startedAt, timeZone: zone(of: claimed.contact, campaign: campaign))) "
                    + "was left open by a console that stopped or lost its lease; it is closed as AAPOR \(code).")
    }

    /// Gives the claimed contact back to the queue and says so.
    private func release(_ contactID: Int64) throws {
        if try persist("release the contact", { try database.releaseContact(contactID: contactID, holder: holder) }) {
            output.line("Contact released; it goes back to the queue.")
        } else {
            output.line("Contact #\(contactID) was no longer yours to release: its lease ran out and another agent took it.")
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
            do { return try body() } catch where !database.mayPassWithTime(error) {
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
