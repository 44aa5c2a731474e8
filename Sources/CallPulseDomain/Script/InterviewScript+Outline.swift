extension InterviewScript {
    /// A human-readable outline in English (or the script's first language).
    ///
    /// See `outline(language:)`.
    public func outline() -> String {
        outline(language: languages.contains("en") ? "en" : languages.first ?? "en")
    }

    /// A human-readable outline: id, title, languages, placeholders, then the numbered
    /// questions with type, range and end labels, `optional`, the `when` condition and the
    /// question text in `language`, then the alerts.
    public func outline(language: String) -> String {
        let fallback = languages
        func text(_ localized: LocalizedText?) -> String {
            localized?.text(for: language, fallback: fallback) ?? ""
        }
        var lines = ["\(id): \(text(title))", "languages: \(languages.joined(separator: ", "))"]
        let names = placeholders.sorted()
        if !names.isEmpty {
            lines.append("placeholders: \(names.map { "{\($0)}" }.joined(separator: ", "))")
        }
        lines.append("questions:")
        for (index, question) in questions.enumerated() {
            var summary = "  \(index + 1). \(question.id) — \(Self.describe(question, language: language, fallback: fallback))"
            if question.optional { summary += ", optional" }
            if question.requiredForComplete { summary += ", required for a complete" }
            if let when = question.whenSource { summary += ", when: \(when)" }
            lines.append(summary)
            lines.append("     \(text(question.text))")
        }
        if !alerts.isEmpty {
            lines.append("alerts:")
            for (index, alert) in alerts.enumerated() {
                lines.append("  \(index + 1). when \(alert.whenSource): \(alert.reason(for: language))")
            }
        }
        if let consentQuestionID {
            lines.append("consent: \(consentQuestionID) (a follow-up is opened only when the customer says yes)")
        }
        return lines.joined(separator: "\n")
    }

    /// The type of a question with its range, labels or options, e.g. `CES 1–5, high is good (1 very difficult … 5 very easy)`.
    package static func describe(_ question: Question, language: String, fallback: [String]) -> String {
        let kind = question.kind
        switch kind {
        case .nps, .csat, .ces, .scale:
            let range = kind.scaleRange ?? 0...0
            var text = "\(kind.typeName == "scale" ? "scale" : kind.typeName.uppercased()) \(range.lowerBound)–\(range.upperBound)"
            if kind.goodDirection == .lowIsGood { text += ", low is good" }
            let minLabel = question.minLabel?.text(for: language, fallback: fallback)
            let maxLabel = question.maxLabel?.text(for: language, fallback: fallback)
            if minLabel != nil || maxLabel != nil {
                text += " (\(range.lowerBound) \(minLabel ?? "…") … \(range.upperBound) \(maxLabel ?? "…"))"
            }
            return text
        case .yesno:
            return "yes/no"
        case let .choice(options, multiple):
            let codes = options.map(\.code).joined(separator: " | ")
            return "\(multiple ? "multiple choice" : "choice") [\(codes)]"
        case let .number(min, max):
            switch (min, max) {
            case let (min?, max?): return "number \(min.formatted)–\(max.formatted)"
            case let (min?, nil): return "number ≥ \(min.formatted)"
            case let (nil, max?): return "number ≤ \(max.formatted)"
            case (nil, nil): return "number"
            }
        case .text:
            return "text"
        }
    }
}
