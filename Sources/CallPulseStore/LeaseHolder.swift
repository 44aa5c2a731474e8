/// Who holds a contact's lease: the agent and the console session (`ConsoleSession`) that claimed it.
///
/// Every write an agent's console makes to a contact checks that this holder still holds the
/// lease, so a console whose lease ran out and was taken (by another agent, or by another console
/// of the same agent name) can no longer write to it. `session` is nil for a holder that names no
/// console (tests, benchmarks); it then matches only a lease taken without a session.
public struct LeaseHolder: Sendable, Equatable {
    public var agent: String
    public var session: String?

    public init(agent: String, session: String? = nil) {
        self.agent = agent
        self.session = session
    }
}
