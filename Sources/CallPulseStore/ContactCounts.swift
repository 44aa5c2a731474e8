/// How many of a campaign's contacts are where, for `campaign show` and `campaign list`.
public struct ContactCounts: Sendable, Equatable {
    public var total = 0
    public var neverCalled = 0
    public var scheduled = 0
    public var inProgress = 0
    public var done = 0
    /// Finished contacts by their final AAPOR disposition code.
    public var byDisposition: [String: Int] = [:]
    /// Contacts waiting for a retry or appointment by their last call's AAPOR code (e.g. 3.13 no answer).
    public var scheduledByLastCode: [String: Int] = [:]

    public init(total: Int = 0, neverCalled: Int = 0, scheduled: Int = 0, inProgress: Int = 0, done: Int = 0,
                byDisposition: [String: Int] = [:], scheduledByLastCode: [String: Int] = [:]) {
        self.total = total
        self.neverCalled = neverCalled
        self.scheduled = scheduled
        self.inProgress = inProgress
        self.done = done
        self.byDisposition = byDisposition
        self.scheduledByLastCode = scheduledByLastCode
    }
}
