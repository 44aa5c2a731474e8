/// A campaign's quota options (`campaign quota balance`, `campaign quota appointments`).
public struct QuotaOptions: Sendable, Equatable {
    /// Among contacts otherwise equal, serve the field groups furthest from their targets first.
    public var balance = false
    /// Stop serving appointments already made in a full field group (by default they are kept).
    public var dropAppointments = false

    public init(balance: Bool = false, dropAppointments: Bool = false) {
        self.balance = balance
        self.dropAppointments = dropAppointments
    }
}
