import Yams

extension ScriptLoader {
    /// Reads a per-language text, reporting missing, empty and unknown translations.
    ///
    /// A plain string is accepted only when the script has a single language.
    mutating func readText(_ node: Node, what: String) -> LocalizedText? {
        switch node {
        case let .scalar(scalar):
            if languages.count > 1 {
                let list = languages.joined(separator: ", ")
                report("\(what) must give a text for every language (\(list)), not a single string", at: node)
            }
            return LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, scalar.string) }))
        case let .mapping(mapping):
            var texts: [String: String] = [:]
            for (key, value) in mapping {
                guard let language = string(key, what: "a language code in \(what)") else { continue }
                guard languages.contains(language) else {
                    let list = languages.joined(separator: ", ")
                    report("\(what) has a text in '\(language)', which is not one of the script's languages (\(list))", at: key)
                    continue
                }
                guard let text = string(value, what: "the '\(language)' text of \(what)") else { continue }
                texts[language] = text
            }
            let localized = LocalizedText(texts)
            for language in localized.missingLanguages(from: languages) {
                report("\(what) is missing the '\(language)' translation", at: node)
            }
            return localized
        case .sequence, .alias:
            report("\(what) must be a text or a mapping of language to text, e.g. { fi: …, sv: …, en: … }", at: node)
            return nil
        }
    }

    /// Reports every key of `mapping` not in `allowed`, suggesting the nearest allowed key.
    ///
    /// Keys in `inapplicable` are known elsewhere but not here (e.g. `options` on an nps question).
    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], inapplicable: [String: String] = [:], in context: String) {
        for key in mapping.keys {
            guard case let .scalar(scalar) = key else {
                report("keys in \(context) must be plain words", at: key)
                continue
            }
            let name = scalar.string
            if allowed.contains(name) { continue }
            if let reason = inapplicable[name] {
                report("key '\(name)' does not apply to \(context): \(reason)", at: key)
                continue
            }
            var message = "unknown key '\(name)' in \(context)"
            if let suggestion = Self.nearest(to: name, in: allowed) {
                message += " (did you mean '\(suggestion)'?)"
            }
            report(message, at: key)
        }
    }

    /// The candidate within edit distance 2 of `word`, if any.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        candidates
            .map { ($0, editDistance(word, $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
