/// A command the agent types during an interview, with a leading slash: `/back`, `/dk`, `/cb 15:30`.
///
/// A line that does not start with `/` is an answer. A line starting with `//` is an answer
/// too, with the first slash removed (`//etc` is the text `/etc`; `AnswerParser` does the
/// removal). A line starting with a single `/` is always a command, so a mistyped one
/// (`/bakc`) becomes `.invalid` instead of being saved as an answer.
public enum InterviewCommand: Sendable, Hashable {
    /// `/back`, `/b`: go back to the previous answered question to correct it.
    case back
    /// `/skip`, `/s`: skip an optional question.
    case skip
    /// `/dk`: the respondent does not know.
    case dontKnow
    /// `/ref`: the respondent refuses this question.
    case refused
    /// `/note TEXT`: a note on the call (control characters removed, ends trimmed).
    case note(String)
    /// `/callback TIME`, `/cb TIME`: call back at a time, as typed (see `CallbackTimeParser`).
    case callback(String)
    /// `/break`: break off the interview; it can be resumed later.
    case breakOff
    /// `/decline`: the respondent refuses the interview; the case ends as a refusal (2.11), or
    /// as a break-off (2.12) or partial (1.2) by the answers given so far.
    case decline
    /// `/screenout`: the person is not eligible for the survey; the case ends as 4.70.
    case screenOut
    /// `/notnow [TIME]`: the right person is not available now; an appointment at a time, as
    /// typed, or asked for when missing (see `CallbackTimeParser`).
    case notNow(String?)
    /// `/help`, `/h`, `/?`: show `helpLines`.
    case help
    /// A line starting with `/` that is not a usable command; the message says why.
    case invalid(String)

    /// Parses a line; `nil` when it is an answer rather than a command. Command words are case-insensitive.
    public static func parse(_ input: String) -> InterviewCommand? {
        let line = InputText.clean(input)
        guard line.hasPrefix("/"), !line.hasPrefix("//") else { return nil }
        let body = line.dropFirst()
        let word = body.prefix { !$0.isWhitespace }.lowercased()
        let argument = InputText.clean(String(body.drop { !$0.isWhitespace }))
        switch word {
        case "back", "b": return argument.isEmpty ? .back : unexpected(word, argument)
        case "skip", "s": return argument.isEmpty ? .skip : unexpected(word, argument)
        case "dk": return argument.isEmpty ? .dontKnow : unexpected(word, argument)
        case "ref": return argument.isEmpty ? .refused : unexpected(word, argument)
        case "break": return argument.isEmpty ? .breakOff : unexpected(word, argument)
        case "decline": return argument.isEmpty ? .decline : unexpected(word, argument)
        case "screenout": return argument.isEmpty ? .screenOut : unexpected(word, argument)
        case "notnow": return .notNow(argument.isEmpty ? nil : argument)
        case "help", "h", "?": return .help
        case "note":
            return argument.isEmpty ? .invalid("/note needs the text, e.g. /note prefers email") : .note(argument)
        case "callback", "cb":
            return argument.isEmpty ? .invalid("/\(word) needs a time, e.g. /cb 15:30 or /cb tomorrow 10") : .callback(argument)
        default:
            return .invalid("unknown command '/\(word)'; type /help (start a text answer with // for a literal /)")
        }
    }

    /// The command words offered by tab completion, long forms only.
    public static let completionWords = [
        "/back", "/skip", "/dk", "/ref", "/note", "/callback", "/break", "/decline", "/screenout", "/notnow", "/help",
    ]

    /// A short summary of the commands, one entry a line; every line fits in 80 columns (the
    /// console shows them line by line, so a narrower window wraps an entry, never joins two).
    public static let helpLines = [
        "/back, /b         go back to the previous question (correct an answer)",
        "/skip, /s         skip an optional question",
        "/dk               don't know",
        "/ref              refused to answer this question",
        "/note TEXT        add a note to the call",
        "/callback, /cb T  call back at T: 15:30, tomorrow 10, +2h, 25.11. 14:00",
        "/break            break off the interview (it can be resumed later)",
        "/decline          the person refuses the interview: the case ends (refusal)",
        "/screenout        the person is not eligible: the case ends (AAPOR 4.70)",
        "/notnow [T]       the right person is not available now: appointment at T",
        "/help, /h, /?     this help",
        "//text            an answer that starts with /",
    ]

    /// `.invalid` for a command word that takes no argument but got one.
    private static func unexpected(_ word: String, _ argument: String) -> InterviewCommand {
        .invalid("/\(word) takes no argument, got '\(argument)'")
    }
}
