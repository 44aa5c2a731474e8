import Yams

extension ScriptLoader {
    /// Reads `consent:`, the id of the yes/no question that asks whether the customer may be
    /// contacted; reports an id that is not a yes/no question of the script.
    package mutating func readConsent(_ node: Node, questions: [Question]) -> String? {
        guard let id = string(node, what: "'consent'") else { return nil }
        guard let question = questions.first(where: { $0.id == id }) else {
            let known = questions.filter { $0.kind == .yesno }.map(\.id)
            let hint = known.isEmpty ? "the script has no yes/no question" : "yes/no questions: \(known.joined(separator: ", "))"
            report("'consent' names '\(id)', which is not a question of the script (\(hint))", at: node)
            return nil
        }
        guard question.kind == .yesno else {
            report("'consent' must name a yes/no question; '\(id)' is a \(question.kind.typeName) question", at: node)
            return nil
        }
        return id
    }
}
