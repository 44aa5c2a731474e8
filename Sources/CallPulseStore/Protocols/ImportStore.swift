import CallPulseDomain
import Foundation

/// Import staging: a call list written batch by batch where nobody sees it, then published all at
/// once or thrown away; one import at a time per store.
public protocol ImportStore: Sendable {
    /// Runs `body` as the only import on the store, waiting up to `timeout` for one that is running
    /// (`waiting` is called once before such a wait); `StoreError.busy` when it does not end in time.
    func oneImportAtATime(timeout: TimeInterval, waiting: (() -> Void)?, _ body: () throws -> Void) throws
    /// Runs `body` with the store tuned for a bulk load, restoring it afterwards.
    func withImportCache(_ body: () throws -> Void) throws
    /// Records an import of `file` as staging.
    func beginImport(campaignID: String, file: String, actor: String, now: Int64) throws -> StagingImport
    /// The do-not-call list as an import checks it, read once before the import's first batch.
    func makeDoNotCallLookup() throws -> DoNotCallLookup
    /// Writes one batch of contacts into the staging import; says for each what became of it.
    /// `contacts` hold no number twice, nor one the import has staged before: the importer finds
    /// the file's own repeats in memory, so `.duplicateInFile` is not the store's to answer.
    func stage(_ contacts: [StagedContact], into staging: StagingImport, campaignID: String,
               doNotCall: DoNotCallLookup) throws -> [StagedContact.Outcome]
    /// Makes the staged contacts part of the campaign, all at once.
    func publishImport(_ staging: StagingImport, campaignID: String, tally: ImportTally, fields: [String], file: String,
                       actor: String, now: Int64) throws
    /// Removes a staged import and its contacts.
    func discardImport(_ staging: StagingImport) throws
    /// Removes what imports that were killed left staged.
    func removeAbandonedImports(actor: String, now: Int64) throws
}
