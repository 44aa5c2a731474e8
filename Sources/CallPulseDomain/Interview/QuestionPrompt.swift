/// What the agent sees for a question, as plain lines (no colours, no control characters).
///
/// ```
/// 4 / 5  csat
/// Kuinka tyytyväinen olitte saamaanne palveluun …?
/// 1 erittäin tyytymätön … 5 erittäin tyytyväinen
/// ```
/// The header has the position, the question id, the type when it differs from the id, and
/// `(optional)`; then the question text with placeholders filled; then the allowed answers;
/// then `was: …` when the question already has an answer (going back).
public enum QuestionPrompt {
    /// The prompt lines for `question`.
    ///
    /// - Parameters:
    ///   - position: Shown as `3 / 6`; `nil` leaves it out.
    ///   - language: The interview language; texts missing in it fall back to English, then any.
    ///   - values: Placeholder values (contact fields, `client`, …); control characters are removed.
    ///   - earlier: The answer recorded before, shown as `was: 7`.
    public static func lines(
        for question: Question, position: InterviewPosition?, language: String,
        values: [String: String] = [:], earlier: RecordedAnswer? = nil
    ) -> [String] {
        var header = position.map { "\($0)  " } ?? ""
        header += question.id
        if question.kind.typeName != question.id { header += " (\(question.kind.typeName))" }
        if question.optional { header += "  (optional)" }
        let cleanValues = values.mapValues(InputText.clean)
        let text = InputText.clean(Placeholders.fill(localized(question.text, language), with: cleanValues))
        var lines = [header, text] + answerLines(for: question, language: language)
        if let earlier {
            lines.append("was: " + describe(earlier.value, special: earlier.special, for: question, language: language))
        }
        return lines
    }

    /// The lines that say what may be answered, e.g. `k = kyllä, e = ei` or one line per option.
    public static func answerLines(for question: Question, language: String) -> [String] {
        switch question.kind {
        case .nps, .csat, .ces, .scale:
            let range = question.kind.scaleRange ?? 0...0
            let low = point(range.lowerBound, question.minLabel, language)
            let high = point(range.upperBound, question.maxLabel, language)
            if case .nps = question.kind { return ["\(range.lowerBound)–\(range.upperBound)  (\(low) … \(high))"] }
            return ["\(low) … \(high)"]
        case .yesno:
            return [YesNoWords.hint(for: language)]
        case let .choice(options, multiple):
            let numbered = options.enumerated().map { "\($0.offset + 1) \(localized($0.element.label, language))" }
            return multiple ? numbered + ["(one or more, e.g. 1,3)"] : numbered
        case let .number(min, max):
            return ["(a number\(AnswerInputError.bounds(min: min, max: max)))"]
        case .text:
            return ["(free text; the customer's own words)"]
        }
    }

    /// A saved answer in human form: `7`, `kyllä`, `Puhelin`, `don't know`; `(no answer)` when there is none.
    public static func describe(_ value: AnswerValue?, special: SpecialAnswer?, for question: Question, language: String) -> String {
        if let special { return special.displayName }
        switch value {
        case nil:
            return "(no answer)"
        case let .number(number)?:
            return InputText.format(number, language: language)
        case let .bool(flag)?:
            return YesNoWords.word(flag, language: language)
        case let .text(text)?:
            return text
        case let .choices(codes)?:
            guard case let .choice(options, _) = question.kind else { return codes.joined(separator: ", ") }
            return codes.map { code in
                options.first { $0.code == code }.map { localized($0.label, language) } ?? code
            }.joined(separator: ", ")
        }
    }

    /// `5 erittäin tyytyväinen`, or just `5` without a label.
    package static func point(_ number: Int, _ label: LocalizedText?, _ language: String) -> String {
        guard let label else { return String(number) }
        return "\(number) \(localized(label, language))"
    }

    /// `text` in `language`, else English, else the first language alphabetically.
    package static func localized(_ text: LocalizedText, _ language: String) -> String {
        text.text(for: language, fallback: ["en"]) ?? text.texts.sorted { $0.key < $1.key }.first?.value ?? ""
    }
}
