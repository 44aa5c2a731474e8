/// The AAPOR code a case counts under in the rates while the campaign runs.
///
/// Convention (documented in the README's "Live stats"): a finished case counts by its final
/// disposition; a case never attempted counts as 3.11 (not attempted, UH); a case in progress or
/// scheduled for another try counts by the code of its last call that has one (e.g. 3.13 no answer,
/// 2.21 call back, 1.2 partial waiting to be resumed); a case whose only call is still under way
/// counts as 3.11 until that call ends.
public enum CaseDisposition {
    /// The code of a case not yet attempted.
    public static let notAttempted = "3.11"

    /// The share of applicable questions answered from which a stopped interview is a partial.
    public static let partialShare = 0.5

    /// The code of an interview stopped before its end (broken off, declined after answers, left
    /// by a console that stopped): a partial (1.2) with at least half of its applicable questions
    /// answered (`partialShare`), else a break-off (2.12). See METRICS.md.
    public static func stopped(answeredShare: Double) -> String {
        answeredShare >= partialShare ? "1.2" : "2.12"
    }

    /// The code a case counts under: its final disposition, else its last call's code, else 3.11.
    public static func code(finalDisposition: String?, lastCallCode: String?) -> String {
        finalDisposition ?? lastCallCode ?? notAttempted
    }

    /// The final disposition of a case a call ends (a refusal, a number not in use …) when the
    /// contact has a broken-off interview: that interview established contact and eligibility,
    /// so a partial (1.2) stays a partial whatever comes later, and a break-off (2.12) is never
    /// turned ineligible (4.x) — a later refusal or other eligible outcome keeps its own code.
    ///
    /// - Parameter brokenOffInterview: the disposition of the contact's broken-off interview, if any.
    public static func final(outcome: CallOutcome, brokenOffInterview: String?) -> String {
        switch brokenOffInterview {
        case "1.2": "1.2"
        case "2.12" where outcome.aaporCode.hasPrefix("4."): "2.12"
        default: outcome.aaporCode
        }
    }
}
