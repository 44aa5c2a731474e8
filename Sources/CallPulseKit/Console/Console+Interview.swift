import CallPulseDomain
import CallPulseStore
import Foundation

extension Console {
    /// Runs (or resumes) the interview of an answered call; returns false when the agent wants to stop.
    /// When the contact's lease passed to another console meanwhile, says so, keeps what the agent
    /// typed on the screen and goes on to the next contact (the answers saved before stay).
    func interview(_ claimed: ClaimedContact, callStartedAt: Int64) throws -> Bool {
        let contact = claimed.contact
        let contactID = contact.id!
        let language = contact.language.flatMap { script.languages.contains($0) ? $0 : nil } ?? script.languages[0]
        let (record, callID) = try persist("start the interview") {
            try database.startInterview(contactID: contactID, holder: holder, language: language,
                                        callStartedAt: callStartedAt, now: clock())
        }
        summary.calls += 1
        let interviewID = record.id!
        lastCallID = callID
        var state = InterviewState(script: script, language: language, answers: Self.recorded(claimed.answers))
        let values = placeholderValues(contact)
        var run = InterviewRun(interviewID: interviewID, callID: callID, contactID: contactID,
                               zone: zone(of: contact, campaign: campaign))
        // A read, but mid-call all the same: a server gone now must not end the session.
        run.checksQuotas = try persist("read the campaign's quotas") { [campaign] in
            try database.quotas(campaignID: campaign.id).contains { $0.group.kind.readsAnswers }
        }
        run.quotaCheckDue = !claimed.answers.isEmpty

        if claimed.answers.isEmpty {
            if let intro = script.intro { output.line("\n" + fill(intro, language: language, values: values)) }
        } else {
            output.line("\nResuming the interview. Answers so far:")
            for question in state.applicableQuestions {
                guard let answer = state.answer(to: question.id) else { continue }
                output.line("  \(state.position(of: question.id)?.description ?? "") \(question.id): "
                            + QuestionPrompt.describe(answer.value, special: answer.special, for: question, language: language))
            }
        }
        var cursor: String?
        var input = LineInput.endOfInput
        do {
            return try ask(from: &cursor, state: &state, run: &run, input: &input, values: values)
        } catch let error as StoreError {
            guard case let .leaseLost(contactID, takenBy) = error else { throw error }
            reportLeaseLost(contactID: contactID, takenBy: takenBy, unsaved: run.unsaved, savedAnswers: run.savedAnswers)
            return input != .endOfInput
        }
    }

    /// Asks the interview's questions until it ends; `input` is the last line read and `run.unsaved`
    /// what the agent typed that is being saved, for the message when it cannot be.
    private func ask(from cursor: inout String?, state: inout InterviewState, run: inout InterviewRun,
                     input: inout LineInput, values: [String: String]) throws -> Bool {
        let language = state.language
        while true {
            if try endIfQuotaFull(&run, state: state, values: values) { return true }
            guard let question = cursor.flatMap(script.question(id:)) ?? state.current else {
                return try finish(&run, state: state, language: language, values: values)
            }
            output.line("")
            for line in QuestionPrompt.lines(for: question, position: state.position(of: question.id), language: language,
                                             values: values, earlier: state.answer(to: question.id)) {
                output.line(line)
            }
            reader.completions = InterviewCommand.completionWords + AnswerParser.completions(for: question, language: language)
            noticeCustomerHangUp()
            input = reader.readLine(prompt: "> ")
            run.unsaved = nil
            run.savedAnswers = state.answers.count // every answer is saved the moment it is entered
            guard case let .line(text) = input else {
                if askBreakOff(interrupted: input == .interrupt) {
                    try breakOff(&run, state: state, callbackAt: nil)
                    return input == .interrupt
                }
                continue
            }
            let command = InterviewCommand.parse(text)
            let typed = text.trimmingCharacters(in: .whitespaces)
            run.unsaved = typed.isEmpty ? nil : (command.map { _ in "command" } ?? "answer", typed)
            if let command {
                if let end = try perform(command, question: question, state: &state, cursor: &cursor, run: &run) {
                    return end
                }
                continue
            }
            if text.trimmingCharacters(in: .whitespaces).isEmpty, state.answer(to: question.id) != nil {
                cursor = state.nextQuestion(after: question.id).flatMap { state.answer(to: $0.id) == nil ? nil : $0.id }
                continue
            }
            if text.trimmingCharacters(in: .whitespaces).isEmpty, question.optional {
                try save(.special(.skipped), question: question, state: &state, run: &run)
                cursor = nil
                continue
            }
            switch AnswerParser.parse(text, for: question, language: language) {
            case let .failure(error):
                output.line("  ✗ \(error.message(in: language))")
            case let .success(value):
                guard try save(.answer(value), question: question, state: &state, run: &run) else { continue }
                cursor = state.nextQuestion(after: question.id).flatMap { state.answer(to: $0.id) == nil ? nil : $0.id }
            }
        }
    }

    /// Ids and bookkeeping of the interview being run.
    struct InterviewRun {
        let interviewID: Int64
        let callID: Int64
        let contactID: Int64
        /// The customer's time zone, for call-back times.
        let zone: TimeZone
        /// The follow-ups opened in this run, by alert index, as the summary lists them.
        var followUps: [Int: String] = [:]
        /// The line the agent typed (an answer or a command) while it is being saved; nil once it is.
        var unsaved: (what: String, text: String)?
        /// The answers saved before the line being saved.
        var savedAnswers = 0
        /// The campaign has quotas on answers: each answer is checked against them.
        var checksQuotas = false
        /// Answers changed since the quotas were last checked.
        var quotaCheckDue = false
        /// The quotas were checked in this run (the first check of a resumed interview starts afresh).
        var quotasChecked = false
    }

    /// Carries out an in-interview command; returns non-nil when the interview ends here.
    private func perform(_ command: InterviewCommand, question: Question, state: inout InterviewState,
                         cursor: inout String?, run: inout InterviewRun) throws -> Bool? {
        switch command {
        case .back:
            guard let previous = state.previousQuestion(before: question.id) else {
                output.line("  already at the first question")
                return nil
            }
            cursor = previous.id
        case .skip:
            guard question.optional else {
                output.line("  \(question.id) is not optional: answer it, or use /dk (don't know) or /ref (refused)")
                return nil
            }
            try save(.special(.skipped), question: question, state: &state, run: &run)
            cursor = nil
        case .dontKnow:
            try save(.special(.dontKnow), question: question, state: &state, run: &run)
            cursor = nil
        case .refused:
            try save(.special(.refused), question: question, state: &state, run: &run)
            cursor = nil
        case let .note(text):
            try persist("save the note") {
                try database.addNote(contactID: run.contactID, interviewID: run.interviewID, holder: holder, text: text,
                                     now: clock())
            }
            output.line("  ✓ note saved")
        case let .callback(text):
            // The same check as the card's `c`: calling window, 60 days ahead, confirmed by the agent.
            guard let at = callbackTime(text, zone: run.zone) else { return nil }
            try breakOff(&run, state: state, callbackAt: at)
            return true
        case .breakOff:
            try breakOff(&run, state: state, callbackAt: nil)
            return true
        case .decline:
            try end(&run, state: state, disposition: state.refusalDisposition, what: "declined by the respondent")
            return true
        case .screenOut:
            try end(&run, state: state, disposition: "4.70", what: "not eligible: screened out")
            return true
        case let .notNow(text):
            let at = if let text { callbackTime(text, zone: run.zone) } else { askCallbackTime(zone: run.zone) }
            guard let at else { return nil }
            try breakOff(&run, state: state, callbackAt: at, appointment: true)
            return true
        case .help:
            InterviewCommand.helpLines.forEach { output.line("  " + $0) }
        case let .invalid(message):
            output.line("  ✗ \(message)")
        }
        return nil
    }

    /// Saves one answer durably at once and reports what it did to the follow-ups: opened by an
    /// alert, closed by a correction or for want of the customer's consent. Returns false when the
    /// answer was refused (the question is asked again): the state refused it, or the database could
    /// not take it for a reason no retry mends (the agent is never held on it).
    @discardableResult
    private func save(_ answer: RecordedAnswer, question: Question, state: inout InterviewState, run: inout InterviewRun) throws -> Bool {
        let before = state
        do { try state.record(answer, for: question.id) } catch {
            output.line("  ✗ \(error.localizedDescription)")
            return false
        }
        let alerts = state.followUpAlerts()
        let changes: FollowUpChanges
        do {
            changes = try persist("save the answer") {
                try database.saveAnswer(interviewID: run.interviewID, contactID: run.contactID, questionID: question.id,
                                        answer: answer, holder: holder, alerts: alerts, leaseUntil: clock() + queue.leaseSeconds,
                                        now: clock())
            }
        } catch where !(error is StoreError) {
            state = before
            output.line("  ✗ could not save this answer (\(error.localizedDescription)); it was not recorded: answer again")
            return false
        }
        run.unsaved = nil
        run.quotaCheckDue = true
        output.line("  ✓ saved " + QuestionPrompt.describe(answer.value, special: answer.special, for: question,
                                                           language: state.language))
        let effective = state.effectiveAnswers
        for followUp in changes.opened {
            let alert = script.alerts[followUp.alertIndex]
            let trigger = alert.when.referencedQuestionIDs.sorted().compactMap { id -> String? in
                guard let value = effective[id], let q = script.question(id: id) else { return nil }
                return "\(id.uppercased()) " + QuestionPrompt.describe(value, special: nil, for: q, language: state.language)
            }.joined(separator: ", ")
            let line = "follow-up created: \(trigger) — \(followUp.reason)"
            if run.followUps.updateValue(line, forKey: followUp.alertIndex) == nil { summary.followUps += 1 }
            output.line("  ⚑ " + line)
        }
        for followUp in changes.closed {
            if run.followUps.removeValue(forKey: followUp.alertIndex) != nil { summary.followUps -= 1 }
            output.line("  ⚑ follow-up closed (\(followUp.resolutionNote ?? "")): \(followUp.reason)")
        }
        for followUp in changes.notOpened {
            output.line("  ⚑ follow-up not opened (\(followUp.resolutionNote ?? "")): \(followUp.reason)")
        }
        return true
    }

    /// Ends an interview that reached its last question: a complete (1.1) when every question a
    /// complete needs has a real answer, else a partial or break-off (`InterviewState.finishedDisposition`).
    private func finish(_ run: inout InterviewRun, state: InterviewState, language: String, values: [String: String]) throws -> Bool {
        if let outro = script.outro { output.line("\n" + fill(outro, language: language, values: values)) }
        let disposition = state.finishedDisposition
        guard disposition == "1.1" else {
            let missing = state.missingRequiredAnswers.joined(separator: ", ")
            try end(&run, state: state, disposition: disposition, what: "no real answer to \(missing)")
            return true
        }
        try persist("complete the interview") {
            try database.completeInterview(interviewID: run.interviewID, callID: run.callID, contactID: run.contactID,
                                           holder: holder, now: clock())
        }
        summary.completes += 1
        output.line("✓ Interview complete (AAPOR 1.1): \(Plural.of(state.answers.count, "answer")) saved.")
        for line in run.followUps.sorted(by: { $0.key < $1.key }).map(\.value) { output.line("  ⚑ " + line) }
        return true
    }

    /// Ends the interview and the case with a final disposition other than a complete, and says so.
    func end(_ run: inout InterviewRun, state: InterviewState, disposition: String, what: String) throws {
        try persist("end the interview") {
            try database.endInterview(interviewID: run.interviewID, callID: run.callID, contactID: run.contactID,
                                      holder: holder, disposition: disposition, now: clock())
        }
        let name = ["1.2": "partial", "2.11": "refusal", "2.12": "break-off", "4.70": "not eligible",
                    "4.80": "quota filled"][disposition] ?? disposition
        output.line("Interview ended (\(what)): case closed as \(name) (AAPOR \(disposition)), "
                    + "\(Plural.of(state.answers.count, "answer")) saved.")
        for line in run.followUps.sorted(by: { $0.key < $1.key }).map(\.value) { output.line("  ⚑ " + line) }
    }

    /// Breaks the interview off, to be resumed at `callbackAt` or by the retry rules.
    /// - Parameter appointment: the right person is not available now (`/notnow`): before any
    ///   answer the call and the interview count as 2.21, not as a break-off.
    private func breakOff(_ run: inout InterviewRun, state: InterviewState, callbackAt: Int64?, appointment: Bool = false) throws {
        let disposition = appointment && !state.hasAnswers ? "2.21" : nil
        let zone = TimeZone(identifier: campaign.timeZone) ?? .current
        try persist("break off the interview") {
            try database.breakOffInterview(interviewID: run.interviewID, callID: run.callID, contactID: run.contactID,
                                           holder: holder, callbackAt: callbackAt, answeredShare: state.answeredShare,
                                           disposition: disposition, now: clock())
        }
        let resume = state.current.map { " It resumes at \($0.id) next time." } ?? ""
        let when = callbackAt.map { " Call back \(TimeFormat.dateTime($0, timeZone: zone)) \(zone.identifier)." } ?? ""
        let how = appointment ? "Appointment made (the right person is not available now)" : "Interview broken off"
        output.line("\(how): \(Plural.of(state.answers.count, "answer")) saved.\(resume)\(when)")
    }

    /// Asks after Ctrl-C or Ctrl-D whether to break off, until the answer is a yes or a no word;
    /// true means break off. Another Ctrl-C or Ctrl-D breaks off.
    private func askBreakOff(interrupted: Bool) -> Bool {
        output.line("")
        reader.completions = ["y", "n"]
        while true {
            switch reader.readLine(prompt: "Break off the interview? It can be resumed later. [y = break off, n = go on] > ") {
            case let .line(text):
                let word = InputText.clean(text)
                // Digits are answers, not keys: a "1" typed for the question must not break off.
                if !word.allSatisfy(\.isNumber), let breakOff = YesNoWords.parse(word) { return breakOff }
                output.line("  ✗ \(AnswerInputError.quote(InputText.clean(text))): type y to break off or n to go on")
            case .interrupt, .endOfInput:
                return true
            }
        }
    }

    /// The values placeholders are filled from: the contact's columns, names, and the campaign.
    func placeholderValues(_ contact: Contact) -> [String: String] {
        var values = contact.fieldValues
        values["first_name"] = contact.firstName ?? ""
        values["last_name"] = contact.lastName ?? ""
        values["name"] = contact.name ?? ""
        values["phone"] = contact.phone
        values["client"] = campaign.client
        values["title"] = campaign.title
        values["agent"] = agent
        return values
    }

    func fill(_ text: LocalizedText, language: String, values: [String: String]) -> String {
        let template = text.text(for: language, fallback: script.languages) ?? ""
        return Terminal.sanitize(Placeholders.fill(template, with: values), singleLine: false)
    }

    /// Stored answers as the interview state takes them; rows that cannot be read are left out.
    static func recorded(_ records: [AnswerRecord]) -> [String: RecordedAnswer] {
        var answers: [String: RecordedAnswer] = [:]
        for record in records {
            if let special = record.special {
                answers[record.questionId] = .special(special)
            } else if let json = record.value, let value = AnswerCodec.decode(json) {
                answers[record.questionId] = .answer(value)
            }
        }
        return answers
    }
}
