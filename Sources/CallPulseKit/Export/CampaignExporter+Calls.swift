import CallPulseDomain

extension CampaignExporter {
    /// The call export's header: with `--no-pii` the phone, name and note columns are left out.
    /// `outcome` and `aapor` are codes (`noAnswer`, `3.13`); `outcome_label` and `aapor_label` beside
    /// them say the same in words ("no answer").
    public var callHeader: [String] {
        let personal = options.includePersonalData
        return ["call_id", "contact_id"] + (personal ? ["phone", "name"] : [])
            + ["started", "ended", "duration_s", "agent", "outcome", "outcome_label", "aapor", "aapor_label"]
            + (personal ? ["note"] : [])
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
        var count = 0
        try database.exportCalls(selection, personal: personal) { call in
            let started = call.startedAt
            let ended = call.endedAt
            row.removeAll(keepingCapacity: true)
            row.append(.number(String(call.id)))
            row.append(.number(String(call.contactID)))
            if personal { row += [Self.text(call.phone), Self.text(call.name)] }
            row.append(.text(times.format(started)))
            row.append(ended.map { .text(times.format($0)) } ?? .empty)
            row.append(ended.map { .number(String($0 - started)) } ?? .empty)
            let outcome = call.outcome, aapor = call.aapor
            row += [Self.text(call.agent), Self.text(outcome), Self.text(outcome.flatMap(CallOutcome.init(rawValue:))?.label),
                    Self.text(aapor), Self.text(aapor.flatMap(AAPORCode.meaning))]
            if personal { row.append(Self.text(call.note)) }
            try writer.writeRow(row)
            count += 1
        }
        return count
    }

    /// A text field, empty for NULL.
    static func text(_ value: String?) -> CSVWriter.Field {
        value.map { .text($0) } ?? .empty
    }
}
