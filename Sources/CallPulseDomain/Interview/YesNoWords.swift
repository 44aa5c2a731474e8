import Foundation

/// The words for yes and no that agents type and see, per language.
package enum YesNoWords {
    /// Every input accepted as yes, in any interview language.
    package static let yes: Set<String> = ["y", "yes", "k", "kyllä", "kylla", "j", "ja", "1"]
    /// Every input accepted as no, in any interview language.
    package static let no: Set<String> = ["n", "no", "e", "ei", "nej", "0"]

    /// `true` for a yes word, `false` for a no word (case-insensitive, ends trimmed), `nil` for anything else.
    package static func parse(_ text: String) -> Bool? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        return nil
    }

    /// The (key, word) pairs shown for yes and no, e.g. `("k", "kyllä")` in Finnish.
    package static func keys(for language: String) -> (yes: (key: String, word: String), no: (key: String, word: String)) {
        switch language {
        case "fi": (("k", "kyllä"), ("e", "ei"))
        case "sv": (("j", "ja"), ("n", "nej"))
        default: (("y", "yes"), ("n", "no"))
        }
    }

    /// The answer hint, e.g. `k = kyllä, e = ei`.
    package static func hint(for language: String) -> String {
        let keys = keys(for: language)
        return "\(keys.yes.key) = \(keys.yes.word), \(keys.no.key) = \(keys.no.word)"
    }

    /// The word for a yes/no answer in `language`, e.g. `kyllä`.
    package static func word(_ value: Bool, language: String) -> String {
        let keys = keys(for: language)
        return value ? keys.yes.word : keys.no.word
    }
}
