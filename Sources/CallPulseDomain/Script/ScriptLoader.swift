import Yams

/// Turns the YAML text of a script into an `InterviewScript`, collecting every problem found.
///
/// Works on Yams' composed `Node` tree so each problem carries the line and column of the
/// node it is about. Loading never stops at the first problem: a bad question is reported
/// and the rest are still checked.
package struct ScriptLoader {
    /// A 1-based line and column in the script file.
    package struct Position {
        package var line: Int
        package var column: Int
    }

    /// The languages a script may use.
    package static let supportedLanguages = ["fi", "sv", "en"]
    package static let topLevelKeys = ["id", "title", "languages", "intro", "outro", "questions", "alerts", "consent", "quotas",
                                         "quota_closing"]

    /// The most problems reported for one file; past it the loader says how it stopped.
    package static let maximumProblems = 100

    package let file: String
    package var problems: [ScriptProblem] = []
    /// Where the first problem past `maximumProblems` was found, if any.
    private var firstDropped: Position?
    /// The script's languages once read; texts are checked against them.
    package var languages: [String] = []

    package init(file: String) {
        self.file = file
    }

    /// Loads the script or throws `ScriptError` with every problem, sorted by position.
    package mutating func load(yaml: String) throws(ScriptError) -> InterviewScript {
        if let refusal = ScriptInputGuard.check(yaml) {
            report(refusal.message, at: Position(line: refusal.line, column: refusal.column))
            throw ScriptError(problems: problems)
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: yaml)
            root = try parser.singleRoot()
        } catch {
            reportYAMLError(error, yaml: yaml)
            throw ScriptError(problems: problems)
        }
        // The parser owns the anchors, which nodes hold weakly: keep it alive while walking.
        let script = withExtendedLifetime(parser) { () -> InterviewScript? in
            guard let root, case let .mapping(mapping) = root else {
                report("a script must be a mapping with id, title, languages and questions", at: Position(line: 1, column: 1))
                return nil
            }
            guard checkStructure(root, depth: 1) else { return nil }
            return readScript(mapping)
        }
        guard let script, problems.isEmpty else {
            var sorted = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            if let firstDropped {
                sorted.append(ScriptProblem(file: file, line: firstDropped.line, column: firstDropped.column,
                                            message: "too many problems: stopped after \(Self.maximumProblems); fix these first"))
            }
            throw ScriptError(problems: sorted)
        }
        return script
    }

    // MARK: Problems

    /// Whether `maximumProblems` have been reported: later ones are only counted, not described.
    package var isFull: Bool { problems.count >= Self.maximumProblems }

    package mutating func report(_ message: String, at position: Position) {
        guard !isFull else {
            if firstDropped == nil { firstDropped = position }
            return
        }
        problems.append(ScriptProblem(file: file, line: position.line, column: position.column, message: message))
    }

    package mutating func report(_ message: String, at node: Node) {
        report(message, at: position(of: node))
    }

    package func position(of node: Node) -> Position {
        node.mark.map { Position(line: $0.line, column: $0.column) } ?? Position(line: 1, column: 1)
    }

    /// Refuses anchors (and so aliases) and nesting deeper than the limit; `false` if any found.
    private mutating func checkStructure(_ node: Node, depth: Int) -> Bool {
        if let anchor = node.anchor {
            report("aliases are not allowed in scripts (found anchor '&\(anchor.rawValue)')", at: node)
            return false
        }
        if depth > ScriptInputGuard.maximumDepth {
            report("nesting deeper than \(ScriptInputGuard.maximumDepth) levels is not allowed in scripts", at: node)
            return false
        }
        switch node {
        case let .mapping(mapping):
            return mapping.allSatisfy { checkStructure($0.key, depth: depth + 1) && checkStructure($0.value, depth: depth + 1) }
        case let .sequence(sequence):
            return sequence.allSatisfy { checkStructure($0, depth: depth + 1) }
        case .scalar, .alias:
            return true
        }
    }

    // MARK: Top level

    private mutating func readScript(_ mapping: Node.Mapping) -> InterviewScript? {
        let root = Node.mapping(mapping)
        checkKeys(mapping, allowed: Self.topLevelKeys, in: "the script")
        readLanguages(mapping["languages"], root: root)

        var id = ""
        if let node = mapping["id"] {
            if let value = string(node, what: "id") {
                id = value
                if value.isEmpty { report("the script id must not be empty", at: node) }
            }
        } else {
            report("missing 'id' (the script's id, e.g. customer-service-pulse)", at: root)
        }
        var title = LocalizedText([:])
        if let node = mapping["title"] {
            title = readText(node, what: "title") ?? title
        } else {
            report("missing 'title'", at: root)
        }
        let intro = mapping["intro"].flatMap { readText($0, what: "intro") }
        let outro = mapping["outro"].flatMap { readText($0, what: "outro") }

        var questions: [Question] = []
        var whenNodes: [Node?] = []
        if let node = mapping["questions"] {
            (questions, whenNodes) = readQuestions(node)
        } else {
            report("missing 'questions' (a list of questions)", at: root)
        }
        checkQuestionConditions(&questions, whenNodes: whenNodes)
        let alerts = mapping["alerts"].map { readAlerts($0, questions: questions) } ?? []
        let consent = mapping["consent"].flatMap { readConsent($0, questions: questions) }
        var script = InterviewScript(
            id: id, title: title, languages: languages, intro: intro, outro: outro,
            questions: questions, alerts: alerts, consentQuestionID: consent)
        script.quotas = mapping["quotas"].map { readQuotas($0, questions: questions) } ?? []
        script.quotaClosing = mapping["quota_closing"].flatMap { readText($0, what: "quota_closing") }
        return script
    }

    private mutating func readLanguages(_ node: Node?, root: Node) {
        guard let node else {
            report("missing 'languages' (e.g. [fi, sv, en])", at: root)
            return
        }
        guard case let .sequence(sequence) = node, !sequence.isEmpty else {
            report("'languages' must be a non-empty list, e.g. [fi, sv, en]", at: node)
            return
        }
        for element in sequence {
            guard let language = string(element, what: "a language") else { continue }
            if !Self.supportedLanguages.contains(language) {
                report("unsupported language '\(language)' (supported: fi, sv, en)", at: element)
            } else if languages.contains(language) {
                report("language '\(language)' is listed twice", at: element)
            } else {
                languages.append(language)
            }
        }
    }

    // MARK: Scalars

    /// The node's text if it is a scalar; reports "`what` must be a single value" otherwise.
    package mutating func string(_ node: Node, what: String) -> String? {
        guard case let .scalar(scalar) = node else {
            report("\(what) must be a single value, not a \(node.isMapping ? "mapping" : "list")", at: node)
            return nil
        }
        return scalar.string
    }

    /// The node as `true`/`false` (YAML's `yes`/`no` too); reports anything else.
    package mutating func bool(_ node: Node, what: String) -> Bool? {
        guard let text = string(node, what: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report("\(what) must be true or false, not '\(text)'", at: node)
            return nil
        }
    }

    /// The node as a whole number; reports anything else.
    package mutating func int(_ node: Node, what: String) -> Int? {
        guard let text = string(node, what: what) else { return nil }
        guard let value = Int(text) else {
            report("\(what) must be a whole number, not '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// The node as a number; reports anything else.
    package mutating func double(_ node: Node, what: String) -> Double? {
        guard let text = string(node, what: what) else { return nil }
        guard let value = Double(text), value.isFinite else {
            report("\(what) must be a number, not '\(text)'", at: node)
            return nil
        }
        return value
    }
}

extension Node {
    /// Whether the node is a mapping.
    package var isMapping: Bool {
        if case .mapping = self { true } else { false }
    }
}
