import GRDB

extension CampaignExporter {
    /// The call export's header: with `--no-pii` the phone, name and note columns are left out.
    public var callHeader: [String] {
        let personal = options.includePersonalData
        return ["call_id", "contact_id"] + (personal ? ["phone", "name"] : [])
            + ["started", "ended", "duration_s", "agent", "outcome", "aapor"] + (personal ? ["note"] : [])
    }

    /// Writes the header and one row per call attempt (the paradata), oldest first; returns the
    /// number of calls. `--since` takes the calls started at or after it; partials do not apply.
    @discardableResult
    public func writeCalls(to writer: CSVWriter) throws -> Int {
        try writer.writeRow(texts: callHeader)
        let personal = options.includePersonalData
        var times = LocalTimeFormatter(timeZone: timeZone)
        var row: [CSVWriter.Field] = []
        row.reserveCapacity(callHeader.count)
        return try database.read { db in
            let calls = try AppDatabase.exportedCalls(db, selection, personal: personal)
            var count = 0
            while let call = try calls.next() {
                let started: Int64 = call[2]
                let ended: Int64? = call[3]
                row.removeAll(keepingCapacity: true)
                row.append(.number(String(call[0] as Int64)))
                row.append(.number(String(call[1] as Int64)))
                if personal { row += [Self.text(call[8]), Self.text(call[9])] }
                row.append(.text(times.format(started)))
                row.append(ended.map { .text(times.format($0)) } ?? .empty)
                row.append(ended.map { .number(String($0 - started)) } ?? .empty)
                row += [Self.text(call[4]), Self.text(call[5]), Self.text(call[6])]
                if personal { row.append(Self.text(call[7])) }
                try writer.writeRow(row)
                count += 1
            }
            return count
        }
    }

    /// A text field, empty for NULL.
    static func text(_ value: String?) -> CSVWriter.Field {
        value.map { .text($0) } ?? .empty
    }
}
