/// An import whose contacts are being written: they are invisible until it is published.
public struct StagingImport: Sendable {
    /// The `callListImport` row.
    public let id: Int64
    /// The first contact id it writes; all its contacts are at or above it.
    public let firstContactID: Int64

    public init(id: Int64, firstContactID: Int64) {
        self.id = id
        self.firstContactID = firstContactID
    }
}
