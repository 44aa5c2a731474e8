import Yams

extension ScriptLoader {
    /// Keys every question may have.
    package static let commonQuestionKeys = ["id", "type", "text", "optional", "when", "required_for_complete"]
    /// Extra keys per question type.
    package static let questionTypeKeys: [String: [String]] = [
        "nps": ["min", "max", "labels"],
        "csat": ["min", "max", "labels"],
        "ces": ["min", "max", "good", "labels"],
        "scale": ["min", "max", "good", "labels"],
        "number": ["min", "max"],
        "choice": ["options", "multiple"],
        "yesno": [],
        "text": [],
    ]
    package static let questionTypes = ["nps", "ces", "csat", "scale", "yesno", "choice", "number", "text"]

    /// Reads the `questions` list; returns the questions and each one's `when` node for later checks.
    package mutating func readQuestions(_ node: Node) -> ([Question], [Node?]) {
        guard case let .sequence(sequence) = node, !sequence.isEmpty else {
            report("'questions' must be a non-empty list of questions", at: node)
            return ([], [])
        }
        var questions: [Question] = []
        var whenNodes: [Node?] = []
        var firstLine: [String: Int] = [:]
        for (index, element) in sequence.enumerated() {
            guard case let .mapping(mapping) = element else {
                report("question \(index + 1) must be a mapping with id, type and text", at: element)
                continue
            }
            guard let question = readQuestion(mapping, node: element, number: index + 1) else { continue }
            if let line = firstLine[question.id] {
                report("duplicate question id '\(question.id)' (first used on line \(line))", at: mapping["id"] ?? element)
                continue
            }
            firstLine[question.id] = question.line
            questions.append(question)
            whenNodes.append(mapping["when"])
        }
        return (questions, whenNodes)
    }

    private mutating func readQuestion(_ mapping: Node.Mapping, node: Node, number: Int) -> Question? {
        var id = "#\(number)"
        var validID = false
        if let idNode = mapping["id"], let value = string(idNode, what: "the id of question \(number)") {
            id = value
            if !Self.isIdentifier(value) {
                report("question id '\(value)' is not a simple identifier (letters, digits and _, not starting with a digit)", at: idNode)
            } else if ConditionParser.reservedWords.contains(value) {
                report("question id '\(value)' is a reserved word of the condition language", at: idNode)
            } else if ExportColumns.isTaken(value, questionIDs: []) {
                let names = ExportColumns.reserved.sorted().joined(separator: ", ")
                report("question id '\(value)' is the name of a column the export writes itself (\(names)); "
                       + "choose another id, e.g. '\(value)_q'", at: idNode)
            } else {
                validID = true
            }
        } else if mapping["id"] == nil {
            report("question \(number) is missing 'id'", at: node)
        }
        let context = "question '\(id)'"

        var type: String?
        if let typeNode = mapping["type"], let value = string(typeNode, what: "the type of \(context)") {
            if Self.questionTypes.contains(value) {
                type = value
            } else {
                let known = Self.questionTypes.joined(separator: ", ")
                report("unknown question type '\(value)' in \(context) (known types: \(known))", at: typeNode)
            }
        } else if mapping["type"] == nil {
            report("\(context) is missing 'type'", at: node)
        }

        let typeKeys = Set(Self.questionTypeKeys.values.joined())
        if let type {
            let allowed = Self.commonQuestionKeys + (Self.questionTypeKeys[type] ?? [])
            var inapplicable: [String: String] = [:]
            for key in typeKeys where !allowed.contains(key) {
                inapplicable[key] = "a \(type) question has no '\(key)'"
            }
            checkKeys(mapping, allowed: allowed, inapplicable: inapplicable, in: context)
        } else {
            checkKeys(mapping, allowed: Self.commonQuestionKeys + typeKeys.sorted(), in: context)
        }

        var text = LocalizedText([:])
        if let textNode = mapping["text"] {
            text = readText(textNode, what: "the text of \(context)") ?? text
        } else {
            report("\(context) is missing 'text'", at: node)
        }
        let optional = mapping["optional"].flatMap { bool($0, what: "'optional' of \(context)") } ?? false
        let whenSource = mapping["when"].flatMap { string($0, what: "'when' of \(context)") }
        let required = mapping["required_for_complete"].flatMap { bool($0, what: "'required_for_complete' of \(context)") } ?? false

        guard let type, validID else { return nil }
        var question = Question(
            id: id, kind: readKind(type, mapping, node: node, context: context), text: text, optional: optional,
            when: nil, whenSource: whenSource, line: position(of: node).line, requiredForComplete: required)
        if type == "nps" || type == "csat", let labels = mapping["labels"] {
            question.labelOverride = readLabels(labels, context: context)
        }
        return question
    }

    /// Whether `text` is a simple identifier: ASCII letters, digits and `_`, not starting with a digit.
    package static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ConditionLexer.isIdentifierStart(first) else { return false }
        return text.unicodeScalars.allSatisfy(ConditionLexer.isIdentifierPart)
    }
}
