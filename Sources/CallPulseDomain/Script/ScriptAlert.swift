/// A rule that flags an interview for a supervisor, e.g. a dissatisfied customer to call back.
public struct ScriptAlert: Sendable {
    /// The alert fires when this holds on the interview's answers.
    public var when: Condition
    /// The condition as written in the script.
    public var whenSource: String
    /// Why the interview is flagged; a plain string in the script is stored under every script language.
    public var reason: LocalizedText
    /// The line of the alert in the script file (1-based).
    public var line: Int

    public init(when: Condition, whenSource: String, reason: LocalizedText, line: Int = 0) {
        self.when = when
        self.whenSource = whenSource
        self.reason = reason
        self.line = line
    }

    /// The reason in `language`, else in English, else in any language given.
    public func reason(for language: String) -> String {
        reason.text(for: language, fallback: ["en"]) ?? reason.texts.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// Whether the alert fires on `answers`.
    public func fires(on answers: [String: AnswerValue]) -> Bool {
        when.evaluate(answers)
    }
}
