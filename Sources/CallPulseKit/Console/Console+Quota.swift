import CallPulseDomain

extension Console {
    /// Checks the answers so far against the campaign's answer quotas when they changed; when they
    /// put the interview in a full group, reads out the quota closing text and ends the interview
    /// and the case as quota filled (AAPOR 4.80), keeping its answers. Returns true when it ended.
    func endIfQuotaFull(_ run: inout InterviewRun, state: InterviewState, values: [String: String]) throws -> Bool {
        guard run.checksQuotas, run.quotaCheckDue else { return false }
        run.quotaCheckDue = false
        let resuming = !run.quotasChecked
        run.quotasChecked = true
        let decision = try persist("check the quotas") { [run] in
            try database.holdQuotaPlaces(interviewID: run.interviewID, contactID: run.contactID, holder: holder,
                                         language: state.language, answers: state.effectiveAnswers, resuming: resuming,
                                         now: clock())
        }
        guard case let .full(standing) = decision else { return false }
        let closing = LocalizedText([state.language: QuotaClosing.text(script, language: state.language)])
        output.line("\n" + fill(closing, language: state.language, values: values))
        try end(&run, state: state, disposition: Quota.filledDisposition, what: standing.fullDescription)
        return true
    }
}
