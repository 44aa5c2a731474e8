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
