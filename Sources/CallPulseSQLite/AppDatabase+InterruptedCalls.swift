import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// Closes a call row that a console which stopped (killed, its SSH session dropped) left open,
    /// when its contact is claimed again: the call ends at its last saved answer (else when it
    /// started) with `code`, and its interview, still marked active, is broken off with the same
    /// code (the interview's `InterviewState.stoppedDisposition`: 1.2 partial, 2.12 break-off), as
    /// `/break` would have left it. Resuming the interview starts a new call. Nothing happens when the row was closed meanwhile. Only while `holder`
    /// (the console that took the contact back) holds its lease (`StoreError.leaseLost` if not).
    public func closeInterruptedCall(callID: Int64, contactID: Int64, holder: LeaseHolder, code: String) throws {
        try write { db in
            try Self.requireLease(db, contactID: contactID, holder: holder)
            guard let startedAt = try Int64.fetchOne(db, sql: "SELECT startedAt FROM call WHERE id = ? AND endedAt IS NULL",
                                                     arguments: [callID]) else { return }
            let interviewID = try Int64.fetchOne(db, sql: """
                SELECT id FROM interview WHERE contactId = ? AND status = 'active' ORDER BY id DESC LIMIT 1
                """, arguments: [contactID])
            let lastAnswer = try interviewID.flatMap {
                try Int64.fetchOne(db, sql: "SELECT max(answeredAt) FROM answer WHERE interviewId = ?", arguments: [$0])
            }
            let endedAt = max(startedAt, lastAnswer ?? startedAt)
            try db.execute(sql: "UPDATE call SET endedAt = ?, aapor = ? WHERE id = ?", arguments: [endedAt, code, callID])
            if let interviewID {
                try db.execute(sql: "UPDATE interview SET status = 'brokenOff', endedAt = ?, disposition = ? WHERE id = ?",
                               arguments: [endedAt, code, interviewID])
            }
        }
    }
}
