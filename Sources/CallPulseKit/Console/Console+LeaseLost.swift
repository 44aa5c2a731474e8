import CallPulseDomain
import CallPulseStore

extension Console {
    /// Tells the agent plainly that the contact's lease passed to another console while they were
    /// on it (the console was suspended or cut off longer than the lease), what was not saved —
    /// shown whole, so it can be passed on — and that the answers saved before stay.
    /// - Parameters:
    ///   - takenBy: the agent holding the contact now; nil when it was worked and given back since.
    ///   - unsaved: what the agent typed that was not saved (an outcome, an answer, a command).
    ///   - savedAnswers: the interview's answers saved before, in an interview; nil on the card.
    func reportLeaseLost(contactID: Int64, takenBy: String?, unsaved: (what: String, text: String)?, savedAnswers: Int?) {
        let whom = switch takenBy {
        case agent?: "another console of yours (agent \(Terminal.sanitize(agent))) took it"
        case let other?: "agent \(Terminal.sanitize(other)) took it"
        case nil: "another agent took it and has worked it since"
        }
        output.line("  ✗ Contact #\(contactID) is no longer yours: your lease on it ran out (this console was not heard "
                    + "from for more than \(Plural.of(Int(queue.leaseSeconds), "second"))) and \(whom).")
        if let unsaved {
            output.line("    The \(unsaved.what) you typed was not saved: '\(Terminal.sanitize(unsaved.text))'")
        }
        if let savedAnswers {
            let kept = savedAnswers == 0 ? "The interview had no answer saved before"
                : "The interview keeps the \(Plural.of(savedAnswers, "answer")) saved before"
            output.line("    \(kept); nothing the other console saved was changed.")
        } else {
            output.line("    Nothing the other console saved was changed.")
        }
        output.line("    Going on to the next contact.")
    }
}
