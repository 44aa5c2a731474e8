/// A count with its noun in the right number, for English output: "1 answer", "2 answers", "0 answers".
package enum Plural {
    /// `count` and `singular`, or `plural` (default: `singular` + "s") unless `count` is 1.
    package static func of(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
