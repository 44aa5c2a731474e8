import Foundation

/// An interview script: the questions an agent asks, in order, and the alerts to raise.
///
/// Loaded from a YAML file (see DESIGN.md "Interview scripts") with `parse(yaml:file:)`,
/// which checks everything — ids, types, ranges, translations, conditions — up front.
public struct InterviewScript: Sendable {
    /// The script's id, e.g. `customer-service-pulse`.
    public var id: String
    public var title: LocalizedText
    /// The languages every text is given in, from `fi`, `sv`, `en`; the first is the default.
    public var languages: [String]
    /// Read out before the first question; may use `{first_name}`, `{client}` and other placeholders.
    public var intro: LocalizedText?
    /// Read out after the last question.
    public var outro: LocalizedText?
    /// The questions in the order they are asked.
    public var questions: [Question]
    public var alerts: [ScriptAlert]
    /// The yes/no question that asks whether the customer may be contacted (`consent:` in the
    /// script). When the customer does not say yes, no follow-up is opened for them: each is
    /// recorded as "no consent – do not call". `nil`: the script asks no consent.
    public var consentQuestionID: String?
    /// The default quotas of a campaign made from the script (`quotas:`); see `Quota`.
    public var quotas: [ScriptQuota] = []
    /// Read out when an interview ends because its quota group is full (`quota_closing:`); nil
    /// for the default (`QuotaClosing`).
    public var quotaClosing: LocalizedText?

    public init(
        id: String, title: LocalizedText, languages: [String], intro: LocalizedText? = nil,
        outro: LocalizedText? = nil, questions: [Question], alerts: [ScriptAlert] = [],
        consentQuestionID: String? = nil
    ) {
        self.id = id
        self.title = title
        self.languages = languages
        self.intro = intro
        self.outro = outro
        self.questions = questions
        self.alerts = alerts
        self.consentQuestionID = consentQuestionID
    }

    /// Parses and checks a script; throws `ScriptError` listing every problem found.
    ///
    /// - Parameters:
    ///   - yaml: The file's contents (at most 1 MB; anchors and aliases are refused).
    ///   - file: The name used in problems, e.g. `Scripts/customer-service-pulse.yaml`.
    public static func parse(yaml: String, file: String) throws -> InterviewScript {
        var loader = ScriptLoader(file: file)
        return try loader.load(yaml: yaml)
    }

    /// The question with this id, if any.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// Every `{name}` used in the intro, outro, question texts, scale labels and options.
    public var placeholders: Set<String> {
        var texts: [LocalizedText] = [title] + [intro, outro].compactMap { $0 }
        for question in questions {
            texts.append(question.text)
            texts += [question.minLabel, question.maxLabel].compactMap { $0 }
            if case let .choice(options, _) = question.kind { texts += options.map(\.label) }
        }
        return texts.reduce(into: Set<String>()) { names, text in
            for value in text.texts.values { names.formUnion(Placeholders.names(in: value)) }
        }
    }

    /// The alerts that fire on `answers`.
    public func firedAlerts(for answers: [String: AnswerValue]) -> [ScriptAlert] {
        alerts.filter { $0.fires(on: answers) }
    }
}
