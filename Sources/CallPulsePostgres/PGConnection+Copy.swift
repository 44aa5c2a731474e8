import CLibPQ

extension PGConnection {
    /// Streams `rows` to the server with `sql`, a `COPY table (columns) FROM STDIN` statement
    /// written for `format` (add `WITH (FORMAT csv)` for `.csv`), in chunks of about 256 KiB.
    ///
    /// Each row holds one value per listed column (nil for NULL), escaped here for the format.
    /// A row with a NUL character, or an error thrown while the rows are produced, ends the COPY
    /// with nothing copied and is rethrown.
    ///
    /// - Returns: the number of rows the server copied.
    @discardableResult
    public func copyIn<Rows: Sequence>(_ sql: String, format: PGCopyFormat = .text, rows: Rows) throws -> Int64
    where Rows.Element == [(any PGParameter)?] {
        let handle = try liveHandle()
        let start = PQexec(handle, sql)
        let status = start.map(PQresultStatus)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_FATAL_ERROR || start == nil { throw failure(start) }
            throw clientError("copyIn needs a COPY … FROM STDIN statement")
        }
        PQclear(start)
        var abort: Error?
        var buffer: [UInt8] = []
        buffer.reserveCapacity(300_000)
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1 }
            }
        }
        var sendFailed = false
        do {
            for (index, row) in rows.enumerated() {
                guard let line = format.line(row) else {
                    throw clientError("COPY row \(index + 1) holds a NUL character, which PostgreSQL text cannot store")
                }
                buffer.append(contentsOf: line.utf8)
                if buffer.count >= 262_144, !flush() {
                    sendFailed = true
                    break
                }
            }
            if !sendFailed, !buffer.isEmpty, !flush() { sendFailed = true }
        } catch {
            abort = error
        }
        if abort != nil || sendFailed {
            // An error message makes the server discard the rows already sent.
            PQputCopyEnd(handle, "callpulse: COPY abandoned")
        } else if PQputCopyEnd(handle, nil) != 1 {
            sendFailed = true
        }
        var copied: Int64 = 0
        var serverError: PostgresError?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = Int64(String(cString: PQcmdTuples(result))) ?? 0
            } else if serverError == nil {
                serverError = failure(result)
            }
        }
        if let abort { throw abort }
        if let serverError { throw serverError }
        if sendFailed { throw failure(nil) }
        return copied
    }
}
