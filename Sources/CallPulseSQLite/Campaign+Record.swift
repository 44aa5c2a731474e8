import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

/// A campaign is a row of the `campaign` table; `fields` is stored as a JSON array.
extension Campaign: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "campaign"

    /// Decodes a row by hand; `fields` is stored as a JSON array.
    public init(row: Row) throws {
        let fieldsJSON: String = row["fields"] ?? "[]"
        self.init(
            id: row["id"], client: row["client"], title: row["title"], status: row["status"],
            scriptId: row["scriptId"], scriptFile: row["scriptFile"], scriptYAML: row["scriptYAML"],
            fields: (try? JSONDecoder().decode([String].self, from: Data(fieldsJSON.utf8))) ?? [],
            maxAttempts: row["maxAttempts"], weekdayWindow: row["weekdayWindow"], saturdayWindow: row["saturdayWindow"],
            sundayWindow: row["sundayWindow"], timeZone: row["timeZone"], quarantineDays: row["quarantineDays"],
            createdAt: row["createdAt"], closedAt: row["closedAt"])
    }
}

extension Campaign.Status: DatabaseValueConvertible {}
