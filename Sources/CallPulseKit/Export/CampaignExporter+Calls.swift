import CallPulseDomain

extension CampaignExporter {
    /// The call export's header: with `--no-pii` the phone, name and note columns are left out.
    /// `outcome` and `aapor` are codes (`noAnswer`, `3.13`); `outcome_label` and `aapor_label` beside
    /// them say the same in words ("no answer").
    public var callHeader: [String] {
        let personal = options.includePersonalData
        return ["call_id", "contact_id"] + (personal ? ["phone", "name"] : [])
            + ["started", "ended", "duration_s", "agent", "outcome", "outcome_label", "aapor", "aapor_label"]
            + (personal ? ["note"] : []) + Self.lineColumns.map(\.name)
    }

    /// What the phone line reported, when CallPulse dialled (`--phone`); empty for calls dialled by hand.
    static let lineColumns: [(name: String, type: String, description: String)] = [
        ("dialled", "datetime", "when CallPulse dialled, YYYY-MM-DD HH:MM in the campaign's time zone"),
        ("ring_s", "integer", "seconds from dialling to the answer or the end of the attempt"),
        ("talk_s", "integer", "seconds from the answer to the hang-up"),
        ("sip_status", "integer", "the SIP final status (200 answered, 486 busy, 404 not found …)"),
        ("sip_reason", "text", "the status's reason, or what ended the attempt (no answer within the ring time)"),
        ("coded_by", "code", "line: the outcome is what the line said; agent: the agent keyed it"),
    ]

    /// The codebook of the call export: one row per column.
    public var callCodebook: [[String]] {
        let known: [String: (String, String)] = [
            "call_id": ("integer", "the call attempt's id in CallPulse"),
            "contact_id": ("integer", "the contact's id in CallPulse (joins the interview export)"),
            "phone": ("text", "the number called, E.164 (+358…)"), "name": ("text", "the contact's name from the call list"),
            "started": ("datetime", "when the attempt started, YYYY-MM-DD HH:MM in the campaign's time zone"),
            "ended": ("datetime", "when it ended"), "duration_s": ("integer", "seconds from start to end"),
            "agent": ("text", "the interviewer"), "outcome": ("code", "the call's outcome (noAnswer, busy …)"),
            "outcome_label": ("text", "the outcome in words"), "aapor": ("AAPOR code", "the attempt's AAPOR disposition"),
            "aapor_label": ("text", "the AAPOR code in words"), "note": ("text", "the agent's note on the attempt"),
        ]
        let line = Dictionary(uniqueKeysWithValues: Self.lineColumns.map { ($0.name, ($0.type, $0.description)) })
        return [["variable", "type", "description"]] + callHeader.map { name in
            let (type, description) = known[name] ?? line[name] ?? ("text", "")
            return [name, type, description]
        }
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
            row.append(call.dialledAt.map { .text(times.format($0)) } ?? .empty)
            row += [call.ringSeconds, call.talkSeconds, call.sipStatus].map { $0.map { .number(String($0)) } ?? .empty }
            row += [Self.text(call.sipReason), Self.text(call.codedBy)]
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
