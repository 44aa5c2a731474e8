import CallPulseDomain
import CallPulseStore
import GRDB

extension DoNotCallEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "doNotCall"
}
