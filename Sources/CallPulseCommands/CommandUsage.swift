import CallPulseKit

/// Usage lines that fit 80 columns, for `CommandConfiguration(usage:)`.
///
/// argument-parser prints the usage it generates on one line however long it is, and a terminal
/// then breaks it in the middle of an option. A command whose usage is longer spells it out here
/// (as argument-parser would write it) and lets `wrapped` break it between its elements.
/// HelpTextTests checks that every option and argument of each command is in its usage.
enum CommandUsage {
    /// `usage` broken between elements (an option with its value, a bracketed group, `...` after
    /// what it repeats) into lines of at most `width` characters, later lines indented by two
    /// spaces. argument-parser puts `USAGE: ` (7 columns) before the first line and indents the
    /// others by as much, so the default width keeps every line within 80 columns.
    static func wrapped(_ usage: String, width: Int = 73) -> String {
        var elements: [String] = []
        var current = ""
        var depth = 0
        for character in usage {
            switch character {
            case "[", "<": depth += 1
            case "]", ">": depth -= 1
            default: break
            }
            if character == " ", depth == 0 {
                if current.hasPrefix("<"), elements.last?.hasPrefix("--") == true {
                    elements[elements.count - 1] += " " + current  // an option and its value
                } else if !current.isEmpty {
                    elements.append(current)
                }
                current = ""
            } else {
                current.append(character)
            }
        }
        if current.hasPrefix("<"), elements.last?.hasPrefix("--") == true {
            elements[elements.count - 1] += " " + current
        } else if !current.isEmpty {
            elements.append(current)
        }

        var lines: [String] = []
        for element in elements {
            if let last = lines.last, last.count + 1 + element.count <= width || element == "..." {
                lines[lines.count - 1] = last + " " + element
            } else {
                lines.append(lines.isEmpty ? element : "  " + element)
            }
        }
        return lines.joined(separator: "\n")
    }
}
