/// A text given in one or more languages, keyed by language code (`fi`, `sv`, `en`).
///
/// Encodes as a plain JSON/YAML mapping from language code to text.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The text for each language code.
    public var texts: [String: String]

    /// Creates a localized text from a language-to-text mapping.
    public init(_ texts: [String: String]) {
        self.texts = texts
    }

    /// Returns the text in `language`, else in the first of `fallback` that exists, else `nil`.
    public func text(for language: String, fallback: [String]) -> String? {
        if let text = texts[language] { return text }
        for candidate in fallback {
            if let text = texts[candidate] { return text }
        }
        return nil
    }

    /// The language codes this text is missing from `languages`, in the order given.
    ///
    /// An empty or all-whitespace text counts as missing.
    public func missingLanguages(from languages: [String]) -> [String] {
        languages.filter { language in
            guard let text = texts[language] else { return true }
            return text.allSatisfy(\.isWhitespace)
        }
    }

    public init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(texts)
    }
}
