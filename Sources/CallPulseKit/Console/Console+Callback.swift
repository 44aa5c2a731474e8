import CallPulseDomain
import Foundation

extension Console {
    /// Asks for a call-back time, in the customer's own time zone, until one is accepted; nil when
    /// the agent gives up (empty line, Ctrl-C).
    func askCallbackTime(zone: TimeZone) -> Int64? {
        while true {
            guard case let .line(text) = reader.readLine(prompt: "call back when? (15:30, tomorrow 10, +2h, 25.11. 14:00; Enter = back) > "),
                  !text.trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            if let at = callbackTime(text, zone: zone) {
                output.line("  → \(TimeFormat.dateTime(at, timeZone: zone)) \(zone.identifier)")
                return at
            }
        }
    }

    /// The one way a call-back time is set (the card's `c` and `o TIME`, the interview's
    /// `/callback`): reads what the agent typed in the customer's `zone`, warns when it is outside
    /// the calling window or more than `CallbackCheck.maxDaysAhead` days ahead and keeps it only when
    /// the agent confirms. Says why and gives nil when the time is not taken.
    func callbackTime(_ text: String, zone: TimeZone) -> Int64? {
        let now = clock()
        let at: Int64
        switch CallbackTimeParser.parse(text, now: Date(timeIntervalSince1970: TimeInterval(now)), timeZone: zone) {
        case let .success(date): at = Int64(date.timeIntervalSince1970)
        case let .failure(error):
            output.line("  ✗ \(error.localizedDescription)")
            return nil
        }
        let schedule = CallingSchedule(campaign: campaign, timeZone: zone.identifier)
        let concerns = CallbackCheck.concerns(at, now: now, schedule: schedule)
        guard !concerns.isEmpty else { return at }
        for concern in concerns { output.line("  ! " + CallbackCheck.message(concern, at: at, timeZone: zone)) }
        guard confirm("Keep this time (the customer asked for it)? [y = keep, Enter = type another] > ") else {
            output.line("  Not kept.")
            return nil
        }
        return at
    }

    /// Asks a yes/no question; only a yes word (y, yes, k, kyllä, j, ja) answers yes.
    func confirm(_ prompt: String) -> Bool {
        guard case let .line(text) = reader.readLine(prompt: prompt) else { return false }
        return ["y", "yes", "k", "kyllä", "j", "ja"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
