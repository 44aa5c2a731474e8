import Yams

extension ScriptLoader {
    /// Reads a per-language text, reporting missing, empty and unknown translations.
    ///
    /// A plain string is accepted only when the script has a single language.
    package mutating func readText(_ node: Node, what: String) -> LocalizedText? {
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
    package mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], inapplicable: [String: String] = [:], in context: String) {
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

    /// The candidate within edit distance 2 of `word`, if any (the first of the nearest).
    package static func nearest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let limit = min(best?.distance ?? 2, 2)
            guard let distance = editDistance(target, Array(candidate.unicodeScalars), limit: limit) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
            if distance == 0 { break }
        }
        return best?.candidate
    }

    /// Levenshtein distance between `a` and `b` when it is at most `limit`, else nil; stops as
    /// soon as a whole row exceeds the limit. Plain loops over two reused rows: a hostile script
    /// can ask for a suggestion among tens of thousands of ids.
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty else { return b.count }
        let width = b.count + 1
        var rows = [Int](repeating: 0, count: 2 * width)
        return rows.withUnsafeMutableBufferPointer { rows -> Int? in
            var previous = rows.baseAddress!
            var current = previous + width
            for j in 0..<width { previous[j] = j }
            var i = 1
            while i <= a.count {
                current[0] = i
                var rowMinimum = i
                var j = 1
                while j < width {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let value = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
                    current[j] = value
                    if value < rowMinimum { rowMinimum = value }
                    j += 1
                }
                if rowMinimum > limit { return nil }
                swap(&previous, &current)
                i += 1
            }
            return previous[width - 1] <= limit ? previous[width - 1] : nil
        }
    }
}
