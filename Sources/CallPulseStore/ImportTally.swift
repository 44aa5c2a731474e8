/// What a finished import counts, as its `callListImport` row keeps it.
public struct ImportTally: Sendable, Equatable {
    public var rowsRead: Int
    public var imported: Int
    public var invalid: Int
    /// Rows whose number was already in the file or in the campaign.
    public var duplicates: Int
    public var doNotCall: Int

    public init(rowsRead: Int, imported: Int, invalid: Int, duplicates: Int, doNotCall: Int) {
        self.rowsRead = rowsRead
        self.imported = imported
        self.invalid = invalid
        self.duplicates = duplicates
        self.doNotCall = doNotCall
    }
}
