import CallPulseDomain
import CallPulseStore
import GRDB

extension AppDatabase {
    /// `v7-phone-call-paradata`: what the line reported about each dialled attempt. All NULL for
    /// calls dialled by hand.
    static func addCallParadata(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE call ADD COLUMN dialledAt INTEGER;
            ALTER TABLE call ADD COLUMN ringSeconds INTEGER;
            ALTER TABLE call ADD COLUMN talkSeconds INTEGER;
            ALTER TABLE call ADD COLUMN sipStatus INTEGER;
            ALTER TABLE call ADD COLUMN sipReason TEXT;
            ALTER TABLE call ADD COLUMN codedBy TEXT;
            CREATE INDEX call_dialled ON call(campaignId, agent) WHERE dialledAt IS NOT NULL;
            """)
    }

    /// Stores the paradata of an answered call once it is hung up (its row was written when the
    /// interview started).
    public func recordCallParadata(callID: Int64, _ paradata: CallParadata) throws {
        try write { db in
            try db.execute(literal: """
                UPDATE call SET dialledAt = \(paradata.dialledAt), ringSeconds = \(paradata.ringSeconds),
                                talkSeconds = \(paradata.talkSeconds), sipStatus = \(paradata.sipStatus),
                                sipReason = \(paradata.sipReason), codedBy = \(paradata.codedBy?.rawValue)
                WHERE id = \(callID)
                """)
        }
    }
}
