import CallPulseDomain
import CallPulseStore
import GRDB

extension StoreError {
    /// Whether retrying may mend `error`: a `StoreError` that may pass with time, or an SQLite error
    /// (an I/O error, say). Anything else (an answer that cannot be encoded) fails the same way again.
    package static func sqliteMayPassWithTime(_ error: any Error) -> Bool {
        if let error = error as? StoreError { return error.mayPassWithTime }
        return error is DatabaseError
    }

    /// Translates a raw SQLite error into one a person can act on; other errors pass through.
    package static func translate(_ error: any Error, path: String) -> any Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_CONSTRAINT where dbError.message == AppDatabase.erasedContactMessage: return StoreError.contactErased
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.notADatabase(path: path)
        case .SQLITE_CANTOPEN: return StoreError.cannotCreate(path: path, reason: dbError.message ?? "cannot open")
        default: return error
        }
    }
}
