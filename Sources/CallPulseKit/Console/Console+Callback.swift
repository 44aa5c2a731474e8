import Foundation

extension Console {
    /// Asks for a call-back time, in the customer's own time zone, until one is accepted; nil when
    /// the agent gives up (empty line, Ctrl-C).
    func askCallbackTime(zone: TimeZone) -> Int64? {
        while true {
            guard case let .line(text) = reader.readLine(prompt: "call back when? (15:30, tomorrow 10, +2h, 25.11. 14:00) > "),
                  !text.trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            if let at = callbackTime(text, zone: zone) {
                output.line("  → \(TimeFormat.dateTime(at, timeZone: zone)) \(zone.identifier)")
                return at
            }
        }
    }

    /// Reads what the agent typed as a call-back time in `zone`; says why and gives nil when it cannot.
    func callbackTime(_ text: String, zone: TimeZone) -> Int64? {
        switch CallbackTimeParser.parse(text, now: Date(timeIntervalSince1970: TimeInterval(clock())), timeZone: zone) {
        case let .success(date): return Int64(date.timeIntervalSince1970)
        case let .failure(error):
            output.line("  ✗ \(error.localizedDescription)")
            return nil
        }
    }

    /// Asks a yes/no question; only a yes word (y, yes, k, kyllä, j, ja) answers yes.
    func confirm(_ prompt: String) -> Bool {
        guard case let .line(text) = reader.readLine(prompt: prompt) else { return false }
        return ["y", "yes", "k", "kyllä", "j", "ja"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
