/// What happened on one call, picked by the agent with one key. Each maps to an AAPOR disposition
/// code (reference/METRICS.md); the non-final ones schedule another try.
public enum CallOutcome: String, Sendable, CaseIterable, Codable {
    case answered
    case noAnswer
    case busy
    case answeringMachine
    case technicalProblem
    /// The number is not the customer's: someone else's line (4.70, the case ends).
    case wrongPerson
    /// Someone else answered and the customer is not there now: tried again by the campaign's rules
    /// (an agreed time is `callBack`).
    case notThereNow
    case notInUse
    case fax
    case refused
    case callBack
    case languageBarrier
    case unable
    case neverCallAgain

    /// The key the agent presses for it on the contact card.
    public var key: Character {
        switch self {
        case .answered: "a"
        case .noAnswer: "n"
        case .busy: "b"
        case .answeringMachine: "m"
        case .technicalProblem: "t"
        case .wrongPerson: "w"
        case .notThereNow: "o"
        case .notInUse: "x"
        case .fax: "f"
        case .refused: "r"
        case .callBack: "c"
        case .languageBarrier: "l"
        case .unable: "u"
        case .neverCallAgain: "d"
        }
    }

    /// How the agent's menu names it.
    public var label: String {
        switch self {
        case .answered: "answered"
        case .noAnswer: "no answer"
        case .busy: "busy"
        case .answeringMachine: "answering machine"
        case .technicalProblem: "technical problem on the line"
        case .wrongPerson: "not the customer's number"
        case .notThereNow: "customer not there now"
        case .notInUse: "number not in use"
        case .fax: "fax or data line"
        case .refused: "refused"
        case .callBack: "call back at a time"
        case .languageBarrier: "language barrier"
        case .unable: "unable to take part"
        case .neverCallAgain: "asks never to be called again"
        }
    }

    /// The AAPOR disposition code the outcome stands for on its own.
    public var aaporCode: String {
        switch self {
        case .answered: "1.1"
        case .noAnswer: "3.13"
        case .busy: "3.12"
        case .answeringMachine: "3.14"
        case .technicalProblem: "3.16"
        case .wrongPerson: "4.70"
        case .notThereNow: "2.21"
        case .notInUse: "4.31"
        case .fax: "4.20"
        case .refused: "2.11"
        case .callBack: "2.21"
        case .languageBarrier: "2.33"
        case .unable: "2.32"
        case .neverCallAgain: "2.11"
        }
    }

    /// Whether the outcome ends the case at once.
    public var isFinal: Bool {
        switch self {
        case .wrongPerson, .notInUse, .fax, .refused, .languageBarrier, .unable, .neverCallAgain: true
        case .answered, .noAnswer, .busy, .answeringMachine, .technicalProblem, .callBack, .notThereNow: false
        }
    }

    /// Whether a person was reached (for "max attempts after contact" → 2.21).
    public var isContact: Bool {
        switch self {
        case .answered, .refused, .callBack, .notThereNow, .languageBarrier, .unable, .neverCallAgain, .wrongPerson: true
        default: false
        }
    }

    /// The outcome a key stands for.
    public init?(key: Character) {
        guard let outcome = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = outcome
    }
}
