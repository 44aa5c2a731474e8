import CallPulseDomain

extension CSVParser {
    /// Builds the Strings for the fields in `spans[0..<spanCount]`, checking each field's size and encoding.
    package func makeFields(recordLine: Int) throws -> [String] {
        let buffer = self.buffer
        let spans = self.spans
        let count = spanCount
        let decoding = self.decoding
        var fields = [String]()
        fields.reserveCapacity(count)
        for index in 0..<count {
            let span = spans[index]
            let fieldLine = recordLine + span.lineOffset
            if span.end - span.start + span.tailEnd - span.tailStart > Self.maxFieldBytes {
                throw error(line: fieldLine, "a field is longer than 1 MiB")
            }
            if span.needsAssembly {
                assemble(span)
                let field = try scratch.withUnsafeBufferPointer { try decode($0, line: fieldLine, as: decoding) }
                fields.append(field)
            } else {
                fields.append(try decode(UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start),
                                         line: fieldLine, as: decoding))
            }
        }
        return fields
    }

    /// Copies a quoted field into `scratch`, turning doubled quotes into one and appending
    /// any literal text that followed the closing quote.
    private func assemble(_ span: FieldSpan) {
        let buffer = self.buffer
        var output = [UInt8]()
        swap(&output, &scratch)
        defer { swap(&output, &scratch) }
        output.removeAll(keepingCapacity: true)
        var runStart = span.start
        var i = span.start
        while i < span.end {
            if buffer[i] == ASCII.quote {
                // Keep this quote, drop its double.
                output.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: i + 1 - runStart))
                i += 2
                runStart = i
            } else {
                i += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: span.end - runStart))
        if span.tailEnd > span.tailStart {
            output.append(contentsOf: UnsafeBufferPointer(start: buffer + span.tailStart, count: span.tailEnd - span.tailStart))
        }
    }

    /// Turns a field's bytes into a String in the file's encoding; `line` is the line the
    /// bytes start on, used to name the line of a bad byte.
    @inline(__always)
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, as decoding: Decoding) throws -> String {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 || decoding == .trustedUTF8 {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch decoding {
        case .utf8, .trustedUTF8:
            guard let offset = UTF8Validation.firstInvalidOffset(in: bytes) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let badLine = line + lineBreaks(in: bytes, upTo: offset)
            throw error(line: badLine, "invalid UTF-8 at line \(badLine); if the file was saved by Excel, use --encoding windows-1252")
        case .windows1252:
            transcoded.removeAll(keepingCapacity: true)
            if let offset = Windows1252.transcode(bytes, into: &transcoded) {
                let badLine = line + lineBreaks(in: bytes, upTo: offset)
                let hex = String(bytes[offset], radix: 16, uppercase: true)
                throw error(line: badLine, "byte 0x\(hex) at line \(badLine) is not a Windows-1252 character; is the file UTF-8 or UTF-16?")
            }
            return transcoded.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
    }

    private func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, upTo offset: Int) -> Int {
        var count = 0
        for i in 0..<offset where bytes[i] == ASCII.lf || (bytes[i] == ASCII.cr && !(i + 1 < offset && bytes[i + 1] == ASCII.lf)) {
            count += 1
        }
        return count
    }
}
