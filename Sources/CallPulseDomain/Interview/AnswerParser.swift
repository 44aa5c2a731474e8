/// Turns what the agent typed into an answer for a question, or a reason to re-prompt.
///
/// Input is cleaned first (`InputText.clean`: control characters removed, tabs to spaces,
/// ends trimmed). A leading `//` stands for a literal `/` (see `InterviewCommand`).
/// What is accepted, per kind:
/// - nps, ces, csat, scale: a whole number in the scale's range (`7`, ` 7 `);
/// - number: a decimal with a point or a comma (`4.5`, `4,5`) within the bounds;
/// - yesno: y/yes/n/no, Finnish k/kyllä/e/ei, Swedish j/ja/n/nej, and 1/0 — in every language;
/// - choice: option numbers (`2`) or codes (`phone`) or the option's text in the interview
///   language; several for a multiple choice, separated by commas or spaces (`1,3`, `1 3`);
/// - text: anything non-empty, kept verbatim.
///
/// Empty input is always refused: skipping is the console's `/skip`.
public enum AnswerParser {
    /// Parses `input` as an answer to `question` asked in `language`.
    public static func parse(_ input: String, for question: Question, language: String) -> Result<AnswerValue, AnswerInputError> {
        var text = InputText.clean(input)
        if text.hasPrefix("//") { text.removeFirst() }
        guard !text.isEmpty else { return .failure(.empty(optional: question.optional)) }
        switch question.kind {
        case .nps, .csat, .ces, .scale:
            let range = question.kind.scaleRange ?? 0...0
            guard let value = Int(text), range.contains(value) else {
                return .failure(.notWholeNumber(text, range: range))
            }
            return .success(.number(Double(value)))
        case let .number(min, max):
            // 400 nines parse as +infinity, which cannot be stored: beyond ±10^15 is asked again too.
            let limit = QuestionKind.numberLimit
            guard let value = parseDecimal(text), value.isFinite, abs(value) <= limit,
                  value >= (min ?? -.infinity), value <= (max ?? .infinity) else {
                let outOfRange = parseDecimal(text).map { !$0.isFinite || abs($0) > limit } ?? false
                return .failure(.notNumber(text, min: outOfRange ? min ?? -limit : min, max: outOfRange ? max ?? limit : max))
            }
            return .success(.number(value))
        case .yesno:
            guard let value = YesNoWords.parse(text) else { return .failure(.notYesNo(text)) }
            return .success(.bool(value))
        case let .choice(options, multiple):
            guard let codes = parseChoices(text, options: options, multiple: multiple, language: language) else {
                return .failure(.notChoice(text, optionCount: options.count, multiple: multiple))
            }
            return .success(.choices(codes))
        case .text:
            return .success(.text(text))
        }
    }

    /// The words tab completion offers for an answer, in the interview language: the options'
    /// labels as the agent sees them (each parses back as its option), or the yes/no words.
    public static func completions(for question: Question, language: String) -> [String] {
        switch question.kind {
        case let .choice(options, _): options.map { QuestionPrompt.localized($0.label, language) }
        case .yesno: [YesNoWords.word(true, language: language), YesNoWords.word(false, language: language)]
        default: []
        }
    }

    /// A decimal written `4.5`, `4,5`, `-2` or `+3`; `nil` for anything else (no exponents, no `nan`).
    package static func parseDecimal(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Double(text.replacingComma())
    }

    /// The chosen codes in script order, or `nil` when any part names no option.
    package static func parseChoices(_ text: String, options: [ChoiceOption], multiple: Bool, language: String) -> [String]? {
        if let whole = option(matching: text, in: options, language: language) { return [whole] }
        let parts = text.split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
        guard !parts.isEmpty, multiple || parts.count == 1 else { return nil }
        var chosen = Set<String>()
        for part in parts {
            guard let code = option(matching: part, in: options, language: language) else { return nil }
            chosen.insert(code)
        }
        return options.map(\.code).filter(chosen.contains)
    }

    /// The code of the option numbered, coded or labelled `text` (case-insensitive).
    package static func option(matching text: String, in options: [ChoiceOption], language: String) -> String? {
        if let number = Int(text), options.indices.contains(number - 1) { return options[number - 1].code }
        let lowered = text.lowercased()
        if let option = options.first(where: { $0.code.lowercased() == lowered }) { return option.code }
        return options.first { $0.label.text(for: language, fallback: [])?.lowercased() == lowered }?.code
    }
}

extension String {
    /// The string with a decimal comma turned into a point.
    fileprivate func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
