/// The re-prompt lines in the interview's language, so the agent reads the same language as the
/// question and its answer keys (`k = kyllä, e = ei` → `'x': vastaa k (kyllä) tai e (ei)`).
extension AnswerInputError {
    /// The re-prompt line in `language` (fi, sv; anything else gives the English `message`).
    public func message(in language: String) -> String {
        guard let words = Self.words[language] else { return message }
        switch self {
        case let .empty(optional):
            return optional ? words.emptyOptional : words.empty
        case let .notWholeNumber(input, range):
            return "\(Self.quote(input)): \(words.wholeNumber) \(range.lowerBound)–\(range.upperBound)"
        case let .notNumber(input, min, max):
            let bounds: String = switch (min, max) {
            case let (min?, max?): " \(InputText.format(min, language: language))–\(InputText.format(max, language: language))"
            case let (min?, nil): " \(words.atLeast) \(InputText.format(min, language: language))"
            case let (nil, max?): " \(words.atMost) \(InputText.format(max, language: language))"
            case (nil, nil): ""
            }
            return "\(Self.quote(input)): \(words.number)\(bounds) \(words.decimals)"
        case let .notYesNo(input):
            let keys = YesNoWords.keys(for: language)
            return "\(Self.quote(input)): \(words.answer) \(keys.yes.key) (\(keys.yes.word)) \(words.or) \(keys.no.key) (\(keys.no.word))"
        case let .notChoice(input, count, multiple):
            return "\(Self.quote(input)): " + (multiple ? "\(words.chooseSeveral) \(Self.span(count)), \(words.example) 1,3"
                                                        : "\(words.choose) \(Self.span(count))")
        }
    }

    /// The words of the messages per language.
    private struct Words {
        package var empty, emptyOptional, wholeNumber, number, atLeast, atMost, decimals, answer, or, choose, chooseSeveral, example: String
    }

    private static let words: [String: Words] = [
        "fi": Words(empty: "kirjoita vastaus, tai /dk (ei osaa sanoa) tai /ref (kieltäytyi)",
                    emptyOptional: "kirjoita vastaus, tai /skip", wholeNumber: "anna kokonaisluku",
                    number: "anna luku", atLeast: "vähintään", atMost: "enintään", decimals: "(desimaalit . tai ,)",
                    answer: "vastaa", or: "tai", choose: "valitse", chooseSeveral: "valitse yksi tai useampi", example: "esim."),
        "sv": Words(empty: "skriv svaret, eller /dk (vet inte) eller /ref (vägrar svara)",
                    emptyOptional: "skriv svaret, eller /skip", wholeNumber: "ange ett heltal",
                    number: "ange ett tal", atLeast: "minst", atMost: "högst", decimals: "(decimaler med . eller ,)",
                    answer: "svara", or: "eller", choose: "välj", chooseSeveral: "välj ett eller flera av", example: "t.ex."),
    ]
}
