import CallPulseDomain

/// One line typed at the contact card's `outcome >` prompt, read as a whole so that a word can never
/// pass for its first letter ("dial later" is not `d`, "no answer" is not `n`).
///
/// Forms (the key is a word of its own, case-insensitive):
/// - `KEY` or `KEY NOTE` for `n b m t o w x f r l u`: the note goes to the call log (`n ei vastaa`);
/// - `c`, `c TIME` or `c TIME, NOTE`: an appointment (the time is asked for when missing), the
///   note after a comma;
/// - `d` or `d NOTE`: never call again, confirmed with one more key before it is saved;
/// - `a`, `q`, `?` (or `h`) alone.
enum OutcomeEntry: Equatable {
    /// An outcome with its note for the call log.
    case outcome(CallOutcome, note: String?)
    /// `c` with the time typed after it (nil when none was) and the note after a comma.
    case callBack(time: String?, note: String?)
    case quit
    case help
    /// An empty line.
    case nothing
    /// Not a form above; the message says why.
    case invalid(String)

    static func parse(_ line: String) -> OutcomeEntry {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let word = text.split(whereSeparator: \.isWhitespace).first else { return .nothing }
        let rest = text.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        let key = word.lowercased()
        let shown = Terminal.sanitize(String(text.prefix(40)))
        guard key.count == 1, let letter = key.first else {
            return .invalid("'\(shown)' is not an outcome: type the key alone, then a space and any note (n ei vastaa)")
        }
        switch letter {
        case "q": return rest.isEmpty ? .quit : .invalid("'\(shown)': q (quit) takes nothing after it")
        case "?", "h": return .help
        default: break
        }
        guard let outcome = CallOutcome(key: letter) else {
            return .invalid("'\(Terminal.sanitize(String(letter)))' is not an outcome key")
        }
        let note = rest.isEmpty ? nil : rest
        switch outcome {
        case .answered:
            return rest.isEmpty ? .outcome(.answered, note: nil)
                : .invalid("'\(shown)': a (answered) takes no note; write one in the interview with /note")
        case .callBack:
            guard let note else { return .callBack(time: nil, note: nil) }
            let parts = note.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let appointmentNote = parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil
            return .callBack(time: parts.first.flatMap { $0.isEmpty ? nil : $0 }, note: appointmentNote)
        default:
            return .outcome(outcome, note: note)
        }
    }
}
