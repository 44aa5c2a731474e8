import CallPulseDomain
import CallPulseStore

extension CallListImporter {
    /// Runs `body` as the only import on the database, waiting for one that is running.
    func oneImportAtATime(waiting: (@Sendable () -> Void)?, _ body: () throws -> Void) throws {
        try database.oneImportAtATime(timeout: Self.importWait, waiting: waiting, body)
    }

    /// Records the import as staging; its contacts will be written from the next free id up.
    func beginImport(campaign: Campaign, file: String, actor: String, now: Int64) throws -> StagingImport {
        try database.beginImport(campaignID: campaign.id, file: file, actor: actor, now: now)
    }

    /// Makes the staged contacts part of the campaign, all at once, with the counts of `summary`.
    func publish(_ staging: StagingImport, campaign: Campaign, summary: ImportSummary, actor: String, now: Int64) throws {
        let tally = ImportTally(rowsRead: summary.rowsRead, imported: summary.imported, invalid: summary.invalid,
                                duplicates: summary.duplicatesInFile + summary.duplicatesInCampaign,
                                doNotCall: summary.doNotCall)
        try database.publishImport(staging, campaignID: campaign.id, tally: tally, fields: summary.fields,
                                   file: summary.file, actor: actor, now: now)
    }

    /// Removes a staged import and its contacts.
    func discard(_ staging: StagingImport) throws {
        try database.discardImport(staging)
    }
}
