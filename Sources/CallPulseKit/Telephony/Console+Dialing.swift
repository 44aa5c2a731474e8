import CallPulseDomain
import CallPulseStore
import Foundation

extension Console {
    /// What a dial attempt came to.
    enum DialStep {
        /// The customer answered: the interview starts.
        case answered(CallParadata, answeredAt: Date)
        /// The line coded the outcome (the agent may still type another).
        case lineCoded(CallOutcome, CallParadata)
        /// The agent codes by key (a dial command, the agent hung up, a status the line cannot code).
        case manual(CallParadata?)
    }

    /// On start: connects the softphone and hangs up any call it still has from an earlier session.
    /// A second console on the same softphone is refused (thrown); a softphone that is not running
    /// is only said, and manual coding works.
    func startPhone() throws {
        guard let phone else { return }
        switch phone.dialer {
        case let .command(command):
            output.line("Dialing with the command: \(command.template)   (Enter on the card dials; code the outcome by key)")
        case .softphone:
            do {
                let softphone = try phone.connected()
                do { try phone.hangUpOrThrow() } catch {
                    phone.softphone = nil
                    throw error
                }
                output.line("Softphone \(softphone.name) ready: Enter on the card dials, any key hangs up while it rings; "
                            + "no answer after \(phone.ringSeconds) s.")
            } catch {
                if case TelephonyError.inUse = error { throw error }
                output.line("  ! \(error.localizedDescription)")
                output.line("    Code the outcomes by key as without a phone; Enter on a card tries the softphone again.")
            }
        }
    }

    /// Dials the claimed contact and follows the call until an answer or its end.
    func dial(_ claimed: ClaimedContact, phone: PhoneLine) -> DialStep {
        let number = PhoneDisplay.international(claimed.contact.phone)
        let dialledAt = clock()
        if case let .command(command) = phone.dialer {
            output.line("  dialing \(number) with the dial command …")
            do { try command.run(e164: claimed.contact.phone) } catch {
                output.line("  ! \(error.localizedDescription); dial by hand and code the outcome by key.")
                return .manual(nil)
            }
            return .manual(CallParadata(dialledAt: dialledAt, codedBy: .agent))
        }
        let result: LineResult
        let started = Date()
        var answeredAt = started
        do {
            let softphone = try phone.connected()
            try softphone.dial(phone.dialURI.uri(for: claimed.contact.phone))
            result = try follow(softphone, number: number, phone: phone, started: started)
            answeredAt = Date()
        } catch {
            phone.softphone = nil
            if interactive { output.write("\n") }
            output.line("  ! \(error.localizedDescription)")
            output.line("    The contact is kept: code the outcome by key, or press Enter to try the softphone again.")
            return .manual(nil)
        }
        if interactive { output.write("\n") }
        var paradata = CallParadata(dialledAt: dialledAt, ringSeconds: Int64(answeredAt.timeIntervalSince(started).rounded()),
                                    sipStatus: result.sipStatus, sipReason: result.sipReason)
        if result == .answered {
            output.line("  ✓ answered — the interview starts")
            paradata.codedBy = .line
            return .answered(paradata, answeredAt: answeredAt)
        }
        let earlier = claimed.calls.filter { $0.paradata?.sipStatus.map(LineCoding.notInUseStatuses.contains) == true }.count
        let said = result.sipStatus.map { "\($0) \(result.sipReason ?? "")" } ?? (result.sipReason ?? "")
        guard let outcome = LineCoding.outcome(for: result, earlierNotInUse: earlier) else {
            paradata.codedBy = .agent
            output.line("  the line says: \(said). Code the outcome by key.")
            return .manual(paradata)
        }
        paradata.codedBy = .line
        var why = ""
        if case let .status(code, _) = result, LineCoding.notInUseStatuses.contains(code), outcome == .technicalProblem {
            why = " (a first 'no such number' is retried: carriers misreport)"
        }
        output.line("  the line says: \(said) → \(outcome.label)\(why)")
        output.line("  Enter saves it, or type another outcome key.")
        return .lineCoded(outcome, paradata)
    }

    /// Waits for the answer or the end of the call, showing the ringing time; hangs up itself after
    /// the ring time, or when the agent presses a key.
    private func follow(_ softphone: any Softphone, number: String, phone: PhoneLine, started: Date) throws -> LineResult {
        let keys = KeyWatch(enabled: interactive)
        defer { keys.restore() }
        var state = "calling"
        if !interactive { output.line("  calling \(number) …") }
        var shown = -1
        while true {
            let elapsed = Date().timeIntervalSince(started)
            if elapsed >= Double(phone.ringSeconds) {
                phone.hangUpAndSettle()
                return .ringTimeout
            }
            let seconds = Int(elapsed)
            if interactive, seconds != shown {
                shown = seconds
                output.write("\r  \(state) \(number) … \(seconds / 60):\(String(format: "%02d", seconds % 60))   any key hangs up ")
            }
            if keys.pressed() {
                phone.hangUpAndSettle()
                return .agentHungUp
            }
            switch try softphone.nextEvent(timeout: min(0.25, Double(phone.ringSeconds) - elapsed)) {
            case .ringing?: state = "ringing"
            case .established?: return .answered
            case let .closed(reason)?: return LineResult.closed(reason)
            case nil: break
            }
        }
    }

    /// Hangs up after an answered call's interview (unless the customer did) and stores its talk time.
    func hangUpAnswered(_ paradata: CallParadata, phone: PhoneLine) {
        guard let call = liveCall else { return }
        liveCall = nil
        var paradata = paradata
        if let endedAt = call.endedAt {
            paradata.talkSeconds = Int64(endedAt.timeIntervalSince(call.answeredAt).rounded())
        } else {
            phone.hangUpAndSettle()
            paradata.talkSeconds = Int64(Date().timeIntervalSince(call.answeredAt).rounded())
        }
        recordLastCallParadata(paradata)
        output.line(call.endedAt == nil ? "  call hung up" : "  call ended")
    }

    /// Stores line data with the call the last interview started.
    func recordLastCallParadata(_ paradata: CallParadata) {
        guard let callID = lastCallID else { return }
        _ = try? persist("save the call's line data") { try database.recordCallParadata(callID: callID, paradata) }
    }

    /// Before a question's prompt: when the softphone reported the call closed meanwhile, tells
    /// the agent once (the answers are all saved; they may break off or go on after calling back).
    func noticeCustomerHangUp() {
        guard var call = liveCall, call.endedAt == nil, let softphone = phone?.softphone else { return }
        do {
            // A short wait reads what already came on the control socket, nothing more.
            while let event = try softphone.nextEvent(timeout: 0.001) {
                guard case .closed = event else { continue }
                let now = Date()
                call.endedAt = now
                liveCall = call
                output.line("  ☎ The customer hung up at \(call.talkTime(until: now)). Every answer so far is saved: "
                            + "/break to break off, or go on if you call back.")
                return
            }
        } catch {
            phone?.softphone = nil
            call.endedAt = Date()
            liveCall = call
            output.line("  ! \(error.localizedDescription): the call may have dropped. Every answer so far is saved: "
                        + "/break to break off, or go on if the customer is still there.")
        }
    }
}

extension Console {
    /// The line data to store with an outcome the agent keyed after a dial: coded by the line when
    /// the key is what the line said, else by the agent.
    static func paradata(_ line: (outcome: CallOutcome?, paradata: CallParadata?)?, coded outcome: CallOutcome) -> CallParadata? {
        guard let line, var paradata = line.paradata else { return nil }
        paradata.codedBy = line.outcome == outcome ? .line : .agent
        return paradata
    }
}
