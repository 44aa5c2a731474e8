/// AAPOR final disposition codes in words (reference/METRICS.md's table), for people reading
/// `campaign show` and the calls export beside the bare codes.
public enum AAPORCode {
    /// Each code CallPulse records, with its meaning.
    public static let meanings: [String: String] = [
        "1.1": "complete interview",
        "1.2": "partial interview",
        "2.11": "refusal",
        "2.12": "break-off",
        "2.21": "respondent never available",
        "2.22": "answering machine, respondent confirmed",
        "2.32": "physically or mentally unable",
        "2.33": "language barrier",
        "2.35": "other eligible non-interview",
        "3.11": "not attempted",
        "3.12": "always busy",
        "3.13": "no answer",
        "3.14": "answering machine, unknown if respondent",
        "3.16": "technical phone problems",
        "3.90": "other unknown eligibility",
        "4.20": "fax / data line",
        "4.31": "non-working number",
        "4.41": "number changed",
        "4.70": "no eligible respondent",
        "4.80": "quota filled",
    ]

    /// The words for `code`, e.g. "refusal" for 2.11; nil for a code not in the table.
    public static func meaning(_ code: String) -> String? {
        meanings[code]
    }

    /// `code` for people: "refusal (2.11)", or the bare code when it has no words.
    public static func described(_ code: String) -> String {
        meaning(code).map { "\($0) (\(code))" } ?? code
    }
}
