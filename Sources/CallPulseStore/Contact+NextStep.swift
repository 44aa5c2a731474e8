import CallPulseDomain

extension Contact {
    /// Takes the status, disposition and next call time `step` gives (`NextStep.plan`); an
    /// appointment goes to `agent`. The disposition is kept as it was unless the case ends.
    package mutating func apply(_ step: NextStep, agent: String) {
        switch step {
        case let .appointment(at):
            status = .scheduled
            nextCallAt = at
            appointmentAgent = agent
        case let .retry(at):
            status = .scheduled
            nextCallAt = at
        case let .end(disposition):
            status = .done
            self.disposition = disposition
            nextCallAt = nil
        }
    }
}

/// What recording a call that did not become an interview writes, planned once for both engines
/// (`Contact.afterCall`): each engine reads the inputs and writes the plan in its own way.
package struct CallWrite {
    /// The contact as it is afterwards: one attempt more, the lease given back, the next step
    /// (`NextStep.plan`) applied.
    package var contact: Contact
    package var call: CallRecord
    /// The agent's note, kept on the contact too.
    package var note: NoteRecord?
    /// Where the do-not-call entry comes from, when the customer asked never to be called again.
    package var doNotCallSource: String?
}

extension Contact {
    /// The writes of a finished call with `result` that did not become an interview: a retry by
    /// the campaign's rules, an appointment for `agent`, or the end of the case with its AAPOR
    /// disposition; "never call again" also puts the number on the do-not-call list.
    ///
    /// - Parameters:
    ///   - calls: the contact's earlier calls with an outcome, oldest first.
    ///   - brokenOffInterview: the disposition of its latest broken-off interview, if any.
    package func afterCall(_ result: CallResult, startedAt: Int64, agent: String, campaign: Campaign,
                           calls: [NextStep.Call], brokenOffInterview: String?, now: Int64) throws -> CallWrite {
        var contact = self
        contact.attempts += 1
        contact.leaseAgent = nil
        contact.leaseUntil = nil
        contact.appointmentAgent = nil
        let step = try NextStep.plan(
            outcome: result.outcome, callbackAt: result.callbackAt, attempts: contact.attempts,
            calls: calls + [NextStep.Call(outcome: result.outcome, startedAt: startedAt)],
            brokenOffInterview: brokenOffInterview, policy: RetryPolicy(maxAttempts: campaign.maxAttempts),
            schedule: CallingSchedule(campaign: campaign, timeZone: timeZone), now: now)
        contact.apply(step, agent: agent)
        if case .appointment = step { contact.appointmentNote = result.note }
        let call = CallRecord(contactId: id ?? 0, campaignId: campaignId, agent: agent, startedAt: startedAt, endedAt: now,
                              outcome: result.outcome, aapor: result.outcome.aaporCode, note: result.note,
                              callbackAt: result.callbackAt, paradata: result.paradata)
        let note = result.note.flatMap { text in
            text.isEmpty ? nil : NoteRecord(contactId: id ?? 0, interviewId: nil, agent: agent, createdAt: now, text: text)
        }
        return CallWrite(contact: contact, call: call, note: note,
                         doNotCallSource: result.outcome == .neverCallAgain ? "agent, campaign \(campaign.id)" : nil)
    }

    /// The contact after its interview was broken off with `answeredShare` of the questions
    /// answered: the lease given back, and resumed at `callbackAt` or by the campaign's retry
    /// rules, or ended as a partial or break-off when attempts ran out (`NextStep.plan`).
    package func afterBreakOff(callbackAt: Int64?, answeredShare: Double, agent: String, campaign: Campaign,
                               calls: [NextStep.Call], brokenOffInterview: String?, now: Int64) throws -> Contact {
        var contact = self
        contact.leaseAgent = nil
        contact.leaseUntil = nil
        contact.apply(try NextStep.plan(
            outcome: .answered, callbackAt: callbackAt, interviewShare: answeredShare, attempts: attempts, calls: calls,
            brokenOffInterview: brokenOffInterview, policy: RetryPolicy(maxAttempts: campaign.maxAttempts),
            schedule: CallingSchedule(campaign: campaign, timeZone: timeZone), now: now), agent: agent)
        return contact
    }
}
