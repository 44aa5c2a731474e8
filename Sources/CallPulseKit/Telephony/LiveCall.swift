import Foundation

/// The answered call an interview runs on: when the customer answered and, once the softphone
/// reported it, when the call ended from their side.
struct LiveCall {
    let answeredAt: Date
    /// When the customer hung up (the softphone's `CALL_CLOSED` during the interview); nil while up.
    var endedAt: Date?

    /// Minutes and seconds from the answer to `date`, as `3:12`.
    func talkTime(until date: Date) -> String {
        let seconds = max(0, Int(date.timeIntervalSince(answeredAt)))
        return "\(seconds / 60):\(String(format: "%02d", seconds % 60))"
    }
}
