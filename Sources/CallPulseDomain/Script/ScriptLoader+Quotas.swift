import Yams

extension ScriptLoader {
    /// Reads the `quotas:` list: each `{ name: …, where: …, target: … }`. The definition is
    /// checked for syntax and its names: a name that is not a question id is taken as a call-list
    /// field (checked against the campaign's fields when a campaign is created from the script).
    package mutating func readQuotas(_ node: Node, questions: [Question]) -> [ScriptQuota] {
        guard case let .sequence(sequence) = node else {
            report("'quotas' must be a list of { name: …, where: …, target: … }", at: node)
            return []
        }
        let ids = Set(questions.map(\.id))
        var quotas: [ScriptQuota] = []
        var seen: Set<String> = []
        for (index, element) in sequence.enumerated() {
            let context = "quota \(index + 1)"
            guard case let .mapping(mapping) = element else {
                report("\(context) must be a mapping with 'name', 'where' and 'target'", at: element)
                continue
            }
            checkKeys(mapping, allowed: ["name", "where", "target"], in: context)
            var missing = false
            for key in ["name", "where", "target"] where mapping[key] == nil {
                report("\(context) is missing '\(key)'", at: element)
                missing = true
            }
            guard !missing, let nameNode = mapping["name"], let whereNode = mapping["where"], let targetNode = mapping["target"],
                  let name = string(nameNode, what: "the name of \(context)"),
                  let definition = string(whereNode, what: "'where' of \(context)"),
                  let target = int(targetNode, what: "the target of \(context)")
            else { continue }
            do {
                try Quota.check(name: name, target: target)
                if !seen.insert(name).inserted { report("quota '\(name)' is defined twice", at: nameNode) }
                _ = try QuotaGroup(stored: definition, answerNames: ids)
                quotas.append(ScriptQuota(name: name, definition: definition,
                                          target: target, line: position(of: element).line))
            } catch let error {
                switch error {
                case .badName: report(error.localizedDescription, at: nameNode)
                case .badTarget: report(error.localizedDescription, at: targetNode)
                case let .syntax(_, _, syntax):
                    report("syntax error in 'where' of quota '\(name)': \(syntax.message)",
                           at: conditionPosition(whereNode, offset: syntax.offset))
                default: report("quota '\(name)': the definition names no question and no call-list field", at: whereNode)
                }
            }
        }
        return quotas
    }
}
