import Yams

extension ScriptLoader {
    /// Reads the type-specific part of a question: range, direction, labels or options.
    package mutating func readKind(_ type: String, _ mapping: Node.Mapping, node: Node, context: String) -> QuestionKind {
        switch type {
        case "nps":
            checkFixedRange(mapping, 0...10, type: type, context: context)
            return .nps
        case "csat":
            checkFixedRange(mapping, 1...5, type: type, context: context)
            return .csat
        case "ces", "scale":
            let range = readIntRange(mapping, context: context)
            var good = ScaleDirection.highIsGood
            if let node = mapping["good"], let text = string(node, what: "'good' of \(context)") {
                if let direction = ScaleDirection(rawValue: text) {
                    good = direction
                } else {
                    report("'good' of \(context) must be 'high' or 'low', not '\(text)'", at: node)
                }
            }
            var labels: (min: LocalizedText?, max: LocalizedText?) = mapping["labels"].map { readLabels($0, context: context) } ?? (nil, nil)
            if type == "ces" {
                let defaults = DefaultScaleLabels.ces(good: good)
                labels = (labels.min ?? defaults.min, labels.max ?? defaults.max)
                return .ces(min: range.lowerBound, max: range.upperBound, good: good, minLabel: labels.min, maxLabel: labels.max)
            }
            return .scale(min: range.lowerBound, max: range.upperBound, good: good, minLabel: labels.min, maxLabel: labels.max)
        case "number":
            let min = mapping["min"].flatMap { double($0, what: "'min' of \(context)") }
            let max = mapping["max"].flatMap { double($0, what: "'max' of \(context)") }
            for (key, value) in [("min", min), ("max", max)] {
                guard let value, abs(value) > QuestionKind.numberLimit, let node = mapping[key] else { continue }
                report("'\(key)' of \(context) is \(value.formatted): a number question's bounds must lie within ±10^15",
                       at: node)
            }
            if let min, let max, min >= max, let node = mapping["min"] {
                report("bad range in \(context): min \(min.formatted) must be less than max \(max.formatted)", at: node)
            }
            return .number(min: min, max: max)
        case "choice":
            let multiple = mapping["multiple"].flatMap { bool($0, what: "'multiple' of \(context)") } ?? false
            return .choice(options: readOptions(mapping["options"], question: node, context: context), multiple: multiple)
        case "yesno":
            return .yesno
        default:
            return .text
        }
    }

    /// Reports a `min`/`max` that differs from the fixed range of an nps or csat question.
    private mutating func checkFixedRange(_ mapping: Node.Mapping, _ range: ClosedRange<Int>, type: String, context: String) {
        let min = mapping["min"].flatMap { int($0, what: "'min' of \(context)") } ?? range.lowerBound
        let max = mapping["max"].flatMap { int($0, what: "'max' of \(context)") } ?? range.upperBound
        guard min != range.lowerBound || max != range.upperBound else { return }
        let node = min != range.lowerBound ? mapping["min"]! : mapping["max"]!
        report(
            "bad range in \(context): a \(type) question is always \(range.lowerBound)–\(range.upperBound), not \(min)–\(max) (use type 'scale' for another range)",
            at: node)
    }

    /// Reads `min` and `max` of a ces or scale question; default 1–5.
    private mutating func readIntRange(_ mapping: Node.Mapping, context: String) -> ClosedRange<Int> {
        let min = mapping["min"].flatMap { int($0, what: "'min' of \(context)") } ?? 1
        let max = mapping["max"].flatMap { int($0, what: "'max' of \(context)") } ?? 5
        guard min < max else {
            let node = mapping["min"] ?? mapping["max"]!
            report("bad range in \(context): min \(min) must be less than max \(max)", at: node)
            return 1...5
        }
        let limit = QuestionKind.scaleEndLimit
        for (key, value) in [("min", min), ("max", max)] where value.magnitude > limit.magnitude {
            report("bad range in \(context): '\(key)' is \(value); a scale's ends must lie within ±\(limit)",
                   at: mapping[key] ?? mapping["min"] ?? mapping["max"]!)
            return 1...5
        }
        // Both ends are within ±limit here, so the subtraction cannot overflow.
        guard max - min < QuestionKind.maxScalePoints else {
            report("bad range in \(context): \(min)–\(max) has \(max - min + 1) points; a scale has at most "
                   + "\(QuestionKind.maxScalePoints) (such as 0–100)", at: mapping["max"] ?? mapping["min"]!)
            return 1...5
        }
        return min...max
    }

    /// Reads `labels: { min: {...}, max: {...} }`.
    package mutating func readLabels(_ node: Node, context: String) -> (min: LocalizedText?, max: LocalizedText?) {
        guard case let .mapping(mapping) = node else {
            report("'labels' of \(context) must be a mapping with 'min' and 'max'", at: node)
            return (nil, nil)
        }
        checkKeys(mapping, allowed: ["min", "max"], in: "the labels of \(context)")
        return (
            mapping["min"].flatMap { readText($0, what: "the min label of \(context)") },
            mapping["max"].flatMap { readText($0, what: "the max label of \(context)") }
        )
    }

    /// Reads the options of a choice question, reporting a missing list and duplicate codes.
    private mutating func readOptions(_ node: Node?, question: Node, context: String) -> [ChoiceOption] {
        guard let node else {
            report("choice \(context) has no options", at: question)
            return []
        }
        guard case let .sequence(sequence) = node, !sequence.isEmpty else {
            report("choice \(context) has no options ('options' must be a non-empty list)", at: node)
            return []
        }
        var options: [ChoiceOption] = []
        var codes = Set<String>()
        for element in sequence {
            guard case let .mapping(mapping) = element else {
                report("each option of \(context) must be a mapping with code and text", at: element)
                continue
            }
            checkKeys(mapping, allowed: ["code", "text"], in: "an option of \(context)")
            guard let codeNode = mapping["code"] else {
                report("an option of \(context) is missing 'code'", at: element)
                continue
            }
            guard let code = string(codeNode, what: "an option code of \(context)") else { continue }
            if !Self.isIdentifier(code) {
                report("option code '\(code)' of \(context) is not a simple identifier (letters, digits and _)", at: codeNode)
            }
            if !codes.insert(code).inserted {
                report("duplicate option code '\(code)' in \(context)", at: codeNode)
                continue
            }
            var label = LocalizedText([:])
            if let textNode = mapping["text"] {
                label = readText(textNode, what: "option '\(code)' of \(context)") ?? label
            } else {
                report("option '\(code)' of \(context) is missing 'text'", at: element)
            }
            options.append(ChoiceOption(code: code, label: label))
        }
        return options
    }
}

extension Double {
    /// The number without a trailing `.0` when it is whole.
    package var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
