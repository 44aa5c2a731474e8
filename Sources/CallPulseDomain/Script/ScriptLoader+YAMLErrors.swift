import Foundation
import Yams

extension ScriptLoader {
    /// Reports a Yams parse error at its mark as "malformed YAML: …".
    package mutating func reportYAMLError(_ error: any Error, yaml: String) {
        guard let yamlError = error as? YamlError else {
            report("malformed YAML: \(error)", at: Position(line: 1, column: 1))
            return
        }
        switch yamlError {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            var message = problem.contains("nesting level")
                ? "nesting deeper than \(ScriptInputGuard.maximumDepth) levels is not allowed in scripts"
                : "malformed YAML: \(problem)" + (context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? "")
            if Self.scalar(atLine: mark.line, column: mark.column, in: yaml) == "\t" {
                message = "a tab cannot indent YAML; use spaces (\(message))"
            }
            report(message, at: Position(line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let mapping = Position(line: context.mark.line, column: context.mark.column)
            let at = duplicates.sorted().first.flatMap { Self.secondBlockKey($0, in: mapping, yaml: yaml) } ?? mapping
            report("malformed YAML: duplicate key \(keys) in one mapping", at: at)
        case let .reader(problem, offset, value, yaml):
            let at = offset.map { ScriptText.position(after: String.UnicodeScalarView(yaml.prefix($0).unicodeScalars)) } ?? (line: 1, column: 1)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            report("malformed YAML: \(problem)\(character)", at: Position(line: at.line, column: at.column))
        default:
            report("malformed YAML: \(yamlError)", at: Position(line: 1, column: 1))
        }
    }

    /// Where `key:` starts a line a second time in the block mapping at `mapping`, if it does.
    package static func secondBlockKey(_ key: String, in mapping: Position, yaml: String) -> Position? {
        let prefix = String(repeating: " ", count: mapping.column - 1) + key
        var seen = false
        for (index, scalars) in Self.lines(of: yaml).enumerated().dropFirst(mapping.line - 1) {
            var text = String(String.UnicodeScalarView(scalars.last == "\r" ? scalars.dropLast() : scalars))
            if index == mapping.line - 1 {
                // The mapping's first line may start with "- ": compare from its column.
                text = String(repeating: " ", count: mapping.column - 1) + String(text.unicodeScalars.dropFirst(mapping.column - 1))
            }
            let indent = text.prefix { $0 == " " }.count
            if !text.isEmpty, indent < mapping.column - 1, !text.allSatisfy({ $0 == " " }) { break }
            guard text.hasPrefix(prefix), text.dropFirst(prefix.count).first == ":" else { continue }
            if seen { return Position(line: index + 1, column: mapping.column) }
            seen = true
        }
        return nil
    }

    /// The Unicode scalar at a 1-based line and column of `text`, if there is one.
    package static func scalar(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        let lines = Self.lines(of: text)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = lines[line - 1]
        guard column >= 1, column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)]
    }

    /// The lines of `text` as Unicode scalars, split at LF (a CR before it stays on the line).
    package static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring.UnicodeScalarView($0) }
    }
}
