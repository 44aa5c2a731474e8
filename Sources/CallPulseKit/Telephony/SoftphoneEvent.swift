/// What the softphone reports about the call it is making.
public enum SoftphoneEvent: Sendable, Equatable {
    /// The far end rings (180) or sends early media (183).
    case ringing
    /// The customer answered (200 and media up).
    case established
    /// The call ended; `reason` is the softphone's text, e.g. `486 Busy Here` or `Connection reset by user`.
    case closed(reason: String)
}
