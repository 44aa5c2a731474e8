/// Checks on a script's raw text that run before Yams sees it, so hostile files fail fast.
///
/// Yams expands aliases while composing and recurses once per nesting level, so a
/// "billion laughs" file or thousands of nested brackets could hang or overflow the stack.
/// These checks are conservative scans of the text; `ScriptLoader` checks the composed tree
/// again exactly.
package enum ScriptInputGuard {
    /// The largest script accepted, in bytes (1 MiB).
    package static let maximumBytes = 1_048_576
    /// The deepest nesting of mappings and sequences accepted.
    package static let maximumDepth = 64

    /// A reason to refuse the text, with where.
    package struct Refusal: Equatable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// The first reason to refuse `yaml` unparsed, or `nil` when it may go to Yams.
    package static func check(_ yaml: String) -> Refusal? {
        let size = yaml.utf8.count
        if size > maximumBytes {
            return Refusal(line: 1, column: 1, message: "the file is \(size) bytes; scripts may be at most \(maximumBytes) bytes (1 MB)")
        }
        var scan = Scan()
        // Split on scalars: "\r\n" is one Character, so splitting the String would leave a CRLF
        // file as a single line (and a comment on it would hide the rest from the scan).
        for (index, line) in yaml.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let refusal = scan.consume(Array(line), lineNumber: index + 1) { return refusal }
        }
        return nil
    }

    /// Line-by-line state: anchors seen, block indentation, open flow brackets.
    private struct Scan {
        package var anchors: Set<String> = []
        package var indents: [Int] = []
        package var flowDepth = 0
        package var blockScalarIndent: Int?

        package mutating func consume(_ line: [Unicode.Scalar], lineNumber: Int) -> Refusal? {
            let indent = line.prefix { $0 == " " }.count
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if let blockIndent = blockScalarIndent {
                if isBlank || indent > blockIndent { return nil }
                blockScalarIndent = nil
            }
            if isBlank || line[indent...].first == "#" { return nil }
            if flowDepth == 0 {
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
            }
            var depth = indents.count
            var previous: Unicode.Scalar = " "
            var quote: Unicode.Scalar?
            var index = indent
            while index < line.count {
                let scalar = line[index]
                defer { previous = line[min(index, line.count - 1)]; index += 1 }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                let atTokenStart = " \t[{,:".unicodeScalars.contains(previous)
                guard atTokenStart || "]}".unicodeScalars.contains(scalar) else { continue }
                switch scalar {
                case "\"", "'":
                    quote = scalar
                case "#":
                    return nil
                case "-" where index + 1 == line.count || line[index + 1] == " ":
                    depth += 1
                case "[", "{":
                    flowDepth += 1
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "|" where flowDepth == 0 && isBlockScalarHeader(line[(index + 1)...]),
                     ">" where flowDepth == 0 && isBlockScalarHeader(line[(index + 1)...]):
                    blockScalarIndent = indent
                case "&", "*":
                    var end = index + 1
                    while end < line.count, !" \t,[]{}".unicodeScalars.contains(line[end]) { end += 1 }
                    let name = String(String.UnicodeScalarView(line[(index + 1)..<end]))
                    if scalar == "&" {
                        anchors.insert(name)
                    } else if anchors.contains(name) {
                        return Refusal(line: lineNumber, column: index + 1, message: "aliases are not allowed in scripts (found alias '*\(name)')")
                    }
                default:
                    break
                }
                if depth + flowDepth > ScriptInputGuard.maximumDepth {
                    return Refusal(
                        line: lineNumber, column: index + 1,
                        message: "nesting deeper than \(ScriptInputGuard.maximumDepth) levels is not allowed in scripts")
                }
            }
            return nil
        }

        /// Whether the rest of a line after `|` or `>` is a block scalar header (`|-`, `>+2 # note`).
        private func isBlockScalarHeader(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
            let header = rest.prefix { "+-0123456789".unicodeScalars.contains($0) }
            let tail = rest.dropFirst(header.count).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return tail.isEmpty || tail.first == "#"
        }
    }
}
