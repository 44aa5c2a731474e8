import CallPulseDomain
import CallPulseStore
import GRDB

extension CallParadata {
    /// The paradata of a call row; nil for a call not dialled by CallPulse.
    init?(row: Row) {
        guard let dialledAt: Int64 = row["dialledAt"] else { return nil }
        self.init(dialledAt: dialledAt, ringSeconds: row["ringSeconds"], talkSeconds: row["talkSeconds"],
                  sipStatus: row["sipStatus"], sipReason: row["sipReason"], codedBy: row["codedBy"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["dialledAt"] = dialledAt
        container["ringSeconds"] = ringSeconds
        container["talkSeconds"] = talkSeconds
        container["sipStatus"] = sipStatus
        container["sipReason"] = sipReason
        container["codedBy"] = codedBy
    }
}

extension CallParadata.CodedBy: DatabaseValueConvertible {}
