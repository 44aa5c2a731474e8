
extension CSVParser {
    /// Scans one record starting at `position` into `spans[0..<spanCount]`, without moving `position`.
    ///
    /// Returns `.needMore` when the buffer ends before the record does and more input may
    /// come; at the end of the input the last record needs no line break. Throws for an
    /// unterminated quote at the end of the file and for NUL bytes.
    package func scanRecord() throws -> Step {
        let buffer = self.buffer
        let classes = self.classes
        let end = self.end
        let atEOF = inputExhausted
        let delimiter = self.delimiter
        var p = position
        var breaks = 0
        // Locals, written back once: each access to a class's stored property in the loop
        // would cost a dynamic exclusivity check.
        var spans = self.spans
        var spanCapacity = self.spanCapacity
        var spanCount = 0
        defer {
            self.spans = spans
            self.spanCapacity = spanCapacity
            self.spanCount = spanCount
        }
        while true {
            let fieldStart = p
            let fieldLineOffset = breaks
            var q = p
            while q < end && classes[Int(buffer[q])] & Self.isBlank != 0 { q += 1 }

            if q < end && buffer[q] == ASCII.quote {
                q += 1
                let contentStart = q
                var contentEnd = q
                var escaped = false
                scan: while true {
                    while q < end && classes[Int(buffer[q])] & Self.stopsQuoted == 0 { q += 1 }
                    if q == end {
                        if atEOF {
                            throw error(line: line + fieldLineOffset,
                                        "unterminated quote starting at line \(line + fieldLineOffset)")
                        }
                        return .needMore(fieldStart: fieldStart, fieldLineOffset: fieldLineOffset)
                    }
                    switch buffer[q] {
                    case ASCII.quote:
                        if q + 1 == end && !atEOF {
                            return .needMore(fieldStart: fieldStart, fieldLineOffset: fieldLineOffset)
                        }
                        if q + 1 < end && buffer[q + 1] == ASCII.quote {
                            escaped = true
                            q += 2
                        } else {
                            contentEnd = q
                            q += 1
                            break scan
                        }
                    case ASCII.lf:
                        breaks += 1
                        q += 1
                    case ASCII.cr:
                        if q + 1 == end && !atEOF {
                            return .needMore(fieldStart: fieldStart, fieldLineOffset: fieldLineOffset)
                        }
                        q += q + 1 < end && buffer[q + 1] == ASCII.lf ? 2 : 1
                        breaks += 1
                    default:
                        throw nulError(line: line + breaks)
                    }
                }
                // After the closing quote: blanks, then a delimiter or line end; anything else is
                // kept as a literal tail (`"abc"def` → `abcdef`), as Excel does.
                var r = q
                while r < end && classes[Int(buffer[r])] & Self.isBlank != 0 { r += 1 }
                var tailStart = 0
                var tailEnd = 0
                if r < end && classes[Int(buffer[r])] & Self.stopsUnquoted == 0 {
                    tailStart = q
                    while r < end && classes[Int(buffer[r])] & Self.stopsUnquoted == 0 { r += 1 }
                    tailEnd = r
                    while tailEnd > tailStart && classes[Int(buffer[tailEnd - 1])] & Self.isBlank != 0 { tailEnd -= 1 }
                }
                if r == end && !atEOF {
                    return .needMore(fieldStart: fieldStart, fieldLineOffset: fieldLineOffset)
                }
                q = r
                if spanCount == spanCapacity { try grow(&spans, capacity: &spanCapacity) }
                (spans + spanCount).initialize(to: FieldSpan(start: contentStart, end: contentEnd, quoted: true,
                                       needsAssembly: escaped || tailEnd > tailStart,
                                       tailStart: tailStart, tailEnd: tailEnd, lineOffset: fieldLineOffset))
                spanCount += 1
            } else {
                let start = q
                while q < end && classes[Int(buffer[q])] & Self.stopsUnquoted == 0 { q += 1 }
                if q == end && !atEOF {
                    return .needMore(fieldStart: fieldStart, fieldLineOffset: fieldLineOffset)
                }
                var fieldEnd = q
                while fieldEnd > start && classes[Int(buffer[fieldEnd - 1])] & Self.isBlank != 0 { fieldEnd -= 1 }
                if spanCount == spanCapacity { try grow(&spans, capacity: &spanCapacity) }
                (spans + spanCount).initialize(to: FieldSpan(start: start, end: fieldEnd, quoted: false, needsAssembly: false,
                                       tailStart: 0, tailEnd: 0, lineOffset: fieldLineOffset))
                spanCount += 1
            }

            if q == end { return .record(next: q, lineBreaks: breaks) }
            switch buffer[q] {
            case delimiter:
                p = q + 1
            case ASCII.lf:
                return .record(next: q + 1, lineBreaks: breaks + 1)
            case ASCII.cr:
                if q + 1 == end && !atEOF {
                    return .needMore(fieldStart: q, fieldLineOffset: breaks)
                }
                return .record(next: q + 1 < end && buffer[q + 1] == ASCII.lf ? q + 2 : q + 1, lineBreaks: breaks + 1)
            default:
                throw nulError(line: line + breaks)
            }
        }
    }

    /// Doubles the span buffer (records with more than 64 fields), up to `maxFields`.
    private func grow(_ spans: inout UnsafeMutablePointer<FieldSpan>, capacity: inout Int) throws {
        if capacity >= Self.maxFields {
            throw error(line: line, "more than \(Self.maxFields) fields at line \(line), Excel's limit; is the delimiter right?")
        }
        let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: spans, count: capacity)
        spans.deallocate()
        spans = grown
        capacity *= 2
    }

    package func nulError(line: Int) -> CallListError {
        if decoding == .trustedUTF8 {
            return error(line: line, "a NUL character (is this a binary file?)")
        }
        return error(line: line, "a NUL byte (is this a binary or UTF-16 file?)")
    }
}
