
/// The raw counts one stats snapshot is made from, as the SQL in `AppDatabase+Stats.swift` returns
/// them; `StatsSnapshot.make` turns them into figures. Scores come from complete interviews only.
public struct StatsTallies: Sendable, Equatable {
    /// Contacts per status, counted code (final disposition when done, else the last call's code, else
    /// "") and whether attempted.
    public struct ContactGroup: Sendable, Equatable {
        public var status: String
        public var code: String
        public var attempted: Bool
        public var count: Int

        public init(status: String, code: String, attempted: Bool, count: Int) {
            self.status = status
            self.code = code
            self.attempted = attempted
            self.count = count
        }
    }

    /// One agent's calls and completes.
    public struct AgentWork: Sendable, Equatable {
        public var agent: String
        public var calls = 0
        /// Clock hours in which the agent made at least one call (kept in the JSON; not CPH's hours).
        public var activeHours = 0
        /// Seconds logged in: the agent's sessions, first claim to last release, breaks left out
        /// (`AgentSessions`); CPH divides by this.
        public var loggedInSeconds = 0
        public var completes = 0
        /// Total seconds of the agent's complete interviews.
        public var interviewSeconds = 0
        /// Sum and number of the agent's NPS answers.
        public var npsSum = 0.0
        public var npsCount = 0
        /// Calls CallPulse dialled (`--phone`), those whose outcome the line coded, and the ring
        /// and talk seconds summed over the calls that have them.
        public var dialled = 0
        public var lineCoded = 0
        public var ringSeconds = 0
        public var ringed = 0
        public var talkSeconds = 0
        public var talked = 0

        public init(agent: String, calls: Int = 0, activeHours: Int = 0, loggedInSeconds: Int = 0, completes: Int = 0,
                    interviewSeconds: Int = 0, npsSum: Double = 0.0, npsCount: Int = 0, dialled: Int = 0,
                    lineCoded: Int = 0, ringSeconds: Int = 0, ringed: Int = 0, talkSeconds: Int = 0,
                    talked: Int = 0) {
            self.agent = agent
            self.calls = calls
            self.activeHours = activeHours
            self.loggedInSeconds = loggedInSeconds
            self.completes = completes
            self.interviewSeconds = interviewSeconds
            self.npsSum = npsSum
            self.npsCount = npsCount
            self.dialled = dialled
            self.lineCoded = lineCoded
            self.ringSeconds = ringSeconds
            self.ringed = ringed
            self.talkSeconds = talkSeconds
            self.talked = talked
        }
    }

    /// The answers of complete interviews to one question on one UTC day.
    public struct DayScores: Sendable, Equatable {
        public var day: String
        public var distribution: [Double: Int]

        public init(day: String, distribution: [Double: Int]) {
            self.day = day
            self.distribution = distribution
        }
    }

    /// Scores of one group of a `--by` breakdown: question → value → count.
    public struct GroupScores: Sendable, Equatable {
        public var value: String
        public var interviews: Int
        public var answers: [String: [Double: Int]]

        public init(value: String, interviews: Int, answers: [String: [Double: Int]]) {
            self.value = value
            self.interviews = interviews
            self.answers = answers
        }
    }

    public var contacts: [ContactGroup] = []
    /// Contacts leased right now, per agent.
    public var leasedBy: [String: Int] = [:]
    public var appointmentsDueToday = 0
    public var followUpsOpen = 0
    public var followUpsOverdue = 0
    public var agents: [AgentWork] = []
    /// Completes per clock hour (hour = seconds since 1970 / 3600), for the trend.
    public var completesByHour: [Int64: Int] = [:]
    /// Answers of complete interviews per scale question: value → count.
    public var answers: [String: [Double: Int]] = [:]
    /// Answers of complete interviews per choice or yes/no question: key → count, where the key is
    /// an option's code, "true" or "false", and "" the number of answers (see `choiceTally`).
    public var choices: [String: [String: Int]] = [:]
    /// NPS answers per UTC day of completion, oldest first.
    public var npsByDay: [DayScores] = []
    /// The `--by` breakdown, when asked for.
    public var groups: [GroupScores]? = nil

    public init() {}
}
