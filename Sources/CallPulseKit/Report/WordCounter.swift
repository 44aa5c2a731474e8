
/// Counts the words of open answers: in how many answers each word appears (a word repeated in
/// one answer counts once, so one talkative customer cannot outweigh the rest).
///
/// Words are lower-cased runs of Unicode letters (ä, ö, å and the rest), with an apostrophe inside
/// a word kept ("don't"); digits and punctuation separate words. Words shorter than three letters
/// and the Finnish, Swedish and English stop words (`StopWords`) are left out.
struct WordCounter: Sendable {
    private(set) var counts: [String: Int] = [:]
    /// The answers counted.
    private(set) var answers = 0

    /// The shortest word counted, in letters.
    static let minimumLetters = 3

    mutating func add(_ text: String) {
        answers += 1
        for word in Set(Self.words(in: text)) { counts[word, default: 0] += 1 }
    }

    /// The `limit` most frequent words, most frequent first (ties alphabetically).
    func top(_ limit: Int) -> [ClientReport.WordCount] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ClientReport.WordCount(word: $0.key, answers: $0.value) }
    }

    /// The words of `text` that count, in order.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func finish() {
            while current.last == "'" { current.removeLast() }
            if current.filter(\.isLetter).count >= minimumLetters, !StopWords.all.contains(current) { words.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter {
                current.append(character)
            } else if (character == "'" || character == "’") && !current.isEmpty {
                current.append("'")
            } else {
                finish()
            }
        }
        finish()
        return words
    }
}
