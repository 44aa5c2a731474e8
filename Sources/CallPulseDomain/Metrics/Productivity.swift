/// Productivity figures (reference/METRICS.md "Productivity"); nil whenever the denominator is zero.
public enum Productivity {
    /// Completes per hour: completes ÷ agent hours logged in (`AgentSessions.loggedInSeconds`).
    public static func completesPerHour(completes: Int, agentSeconds: Int) -> Double? {
        agentSeconds > 0 ? Double(completes) / (Double(agentSeconds) / 3600) : nil
    }

    /// Mean interview length in seconds of completes taking `totalSeconds` together.
    public static func meanInterviewSeconds(totalSeconds: Int, completes: Int) -> Double? {
        completes > 0 ? Double(totalSeconds) / Double(completes) : nil
    }

    /// Penetration: contacts attempted at least once ÷ contacts loaded (0–1).
    public static func penetration(attempted: Int, loaded: Int) -> Double? {
        loaded > 0 ? Double(attempted) / Double(loaded) : nil
    }
}
