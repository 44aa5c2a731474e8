import CallPulseDomain

/// The codebook of an interview export: one row per column of the export, saying its type,
/// what it means, the question's text in each script language and its value labels
/// (`1 = very dissatisfied … 5 = very satisfied`, choice codes → labels, the special codes).
public struct Codebook {
    public let script: InterviewScript
    /// The personal columns the export holds (none with `--no-pii`).
    public let personalColumns: [String]
    public let includesNotes: Bool
    /// The campaign's quotas: with any, the `quota_groups` column is described.
    public var quotas: [Quota] = []

    /// The codebook's header: `variable,type,description,asked_when,text_fi,…,values_fi,…,special_codes`.
    public var header: [String] {
        ["variable", "type", "description", "asked_when"] + script.languages.map { "text_" + $0 }
            + script.languages.map { "values_" + $0 } + ["special_codes"]
    }

    /// Every row after the header, in the export's column order.
    public var rows: [[String]] {
        let blanks = Array(repeating: "", count: 2 * script.languages.count + 2)
        func meta(_ name: String, _ type: String, _ description: String) -> [String] {
            [name, type, description] + blanks
        }
        var rows = [
            meta("interview_id", "integer", "the interview's id in CallPulse"),
            meta("contact_id", "integer", "the contact's id in CallPulse (joins the --calls export)"),
        ]
        let questionIDs = Set(script.questions.map { $0.id.lowercased() })
        rows += personalColumns.enumerated().map { index, column in
            if index < 4, let description = Self.personalDescriptions[column] { return meta(column, "text", description) }
            guard let original = ExportColumns.renamedFrom(column, questionIDs: questionIDs) else {
                return meta(column, "text", "imported from the call list")
            }
            return meta(column, "text", "imported from the call list's column '\(original)', renamed because the export "
                        + "has a column '\(original)' of its own")
        }
        rows += [
            meta("agent", "text", "the interviewer"),
            meta("language", "code", "the interview's language (fi, sv, en)"),
            meta("started", "datetime", "when the interview started, YYYY-MM-DD HH:MM in the campaign's time zone"),
            meta("ended", "datetime", "when it ended (completed or broken off)"),
            meta("duration_s", "integer", "seconds from start to end, breaks included"),
            meta("disposition", "AAPOR code", "final AAPOR disposition: 1.1 complete, 1.2 partial, 2.12 break-off"),
        ]
        if !quotas.isEmpty {
            let groups = quotas.map { "\($0.name): \($0.group.summary) (target \($0.target))" }.joined(separator: "; ")
            rows.append(meta("quota_groups", "codes", "the quotas whose groups the interview counted in as a complete, "
                             + "separated by spaces; empty when it is not a complete or in no group. Quotas: \(groups)"))
        }
        rows += script.questions.enumerated().map { index, question in questionRow(question, position: index + 1) }
        if includesNotes { rows.append(meta("notes", "text", "the interviewer's notes on the interview, joined by ' | '")) }
        return rows
    }

    /// Writes the header and rows; returns the number of variables.
    @discardableResult
    public func write(to writer: CSVWriter) throws -> Int {
        try writer.writeRow(texts: header)
        let rows = rows
        for row in rows { try writer.writeRow(texts: row) }
        return rows.count
    }

    private func questionRow(_ question: Question, position: Int) -> [String] {
        let specials = AnswerCoding.specialCodes.map { "\($0.0) = \($0.1)" }.joined(separator: "; ")
        return [question.id, question.kind.typeName, description(of: question, position: position),
                question.whenSource ?? ""]
            + script.languages.map { question.text.text(for: $0, fallback: script.languages) ?? "" }
            + script.languages.map { valueLabels(of: question, language: $0) }
            + [specials]
    }

    private func description(of question: Question, position: Int) -> String {
        let place = "question \(position) of \(script.questions.count)\(question.optional ? ", optional" : "")"
        switch question.kind {
        case .nps, .ces, .csat, .scale:
            let range = question.kind.scaleRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? ""
            let good = question.kind.goodDirection == .lowIsGood ? "low is good" : "high is good"
            return "\(place); whole number \(range), \(good)"
        case .yesno: return "\(place); 1 = yes, 0 = no"
        case let .choice(_, multiple):
            return multiple ? "\(place); one or more codes separated by spaces" : "\(place); one code"
        case let .number(min, max):
            let bounds = [min.map { "from \(NumberText.format($0))" }, max.map { "to \(NumberText.format($0))" }]
            return ([place + "; a number"] + bounds.compactMap { $0 }).joined(separator: " ")
        case .text: return "\(place); the respondent's words, verbatim"
        }
    }

    private func valueLabels(of question: Question, language: String) -> String {
        let languages = script.languages
        switch question.kind {
        case .nps, .ces, .csat, .scale:
            guard let range = question.kind.scaleRange else { return "" }
            let low = question.minLabel?.text(for: language, fallback: languages).map { " = " + $0 } ?? ""
            let high = question.maxLabel?.text(for: language, fallback: languages).map { " = " + $0 } ?? ""
            return "\(range.lowerBound)\(low) … \(range.upperBound)\(high)"
        case .yesno:
            return "1 = \(YesNoWords.word(true, language: language)); 0 = \(YesNoWords.word(false, language: language))"
        case let .choice(options, _):
            return options.map { "\($0.code) = \($0.label.text(for: language, fallback: languages) ?? "")" }
                .joined(separator: "; ")
        case .number, .text: return ""
        }
    }

    static let personalDescriptions = [
        "phone": "the number called, E.164 (+358…)", "name": "the contact's name from the call list",
        "first_name": "first name from the call list", "last_name": "last name from the call list",
    ]
}
