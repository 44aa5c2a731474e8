import CallPulseStore
import Foundation

/// Erasures (`forget`, `campaign close --purge-pii`) wait for an import under way on the same
/// database. An import reads the do-not-call list once, before its first batch, and on
/// PostgreSQL keeps its staged rows in `contactStaging`, where an erasure does not look; an
/// erasure run between an import's staging and its publishing would be undone by the publish,
/// the person's number and name back in the campaign. Holding the import lock while erasing keeps
/// the two apart; an erasure is short, so an import that starts meanwhile waits only that long.
public enum ErasureGate {
    /// The line an erasure prints (on standard error) before it waits for an import.
    public static let waitingMessage = "An import is running on this database; waiting for it to finish before erasing…"

    /// Runs `body` while no import runs on `store`, waiting for one that does as long as one import
    /// waits for another (with `waitingMessage` on standard error before such a wait).
    public static func run<T>(on store: any CallPulseStore, _ body: () throws -> T) throws -> T {
        var result: T?
        try store.oneImportAtATime(timeout: CallListImporter.importWait,
                                   waiting: { FileHandle.standardError.write(Data((waitingMessage + "\n").utf8)) }) {
            result = try body()
        }
        guard let result else { preconditionFailure("oneImportAtATime returned without running its body") }
        return result
    }
}
