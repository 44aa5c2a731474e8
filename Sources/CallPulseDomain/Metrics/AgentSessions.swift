/// An agent's time logged in, the "agent hours" of completes per hour (reference/METRICS.md "Productivity").
///
/// CallPulse has no log-in record of its own, so a session is made from the agent's calls in a
/// campaign: each call runs from its claim (the contact card shown, the call's `startedAt`) to its
/// release (the outcome recorded, `endedAt`; a call still under way counts up to its start). Calls
/// follow one another in one session as long as the next one starts at most `breakSeconds` after
/// the session so far ended; a longer gap is a break and starts a new session. Time logged in is the
/// sum over sessions of last release − first claim, so breaks are left out and time between calls
/// within a session (reading the next card, a short pause) is in.
///
/// The store keeps the same sessions in `agentSession` (migration "v6-figures-agent-sessions",
/// whose SQL has the threshold as the literal 900); `sessions(_:)` is the definition they follow.
public enum AgentSessions {
    /// A gap between calls longer than this (15 minutes) is a break.
    public static let breakSeconds: Int64 = 900

    /// One call's claim and release, seconds since 1970.
    public struct Span: Sendable, Equatable {
        public var start: Int64
        public var end: Int64

        /// A span; `end` before `start` (or missing) is taken as `start`.
        public init(start: Int64, end: Int64?) {
            self.start = start
            self.end = max(end ?? start, start)
        }
    }

    /// The sessions the spans make, oldest first, as first claim … last release.
    public static func sessions(_ spans: [Span]) -> [ClosedRange<Int64>] {
        var sessions: [ClosedRange<Int64>] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = sessions.last, span.start <= last.upperBound + breakSeconds {
                sessions[sessions.count - 1] = last.lowerBound...max(last.upperBound, span.end)
            } else {
                sessions.append(span.start...span.end)
            }
        }
        return sessions
    }

    /// Seconds logged in over the spans' sessions.
    public static func loggedInSeconds(_ spans: [Span]) -> Int64 {
        sessions(spans).reduce(0) { $0 + $1.upperBound - $1.lowerBound }
    }
}
