import Foundation
import GRDB

/// A survey campaign for one client: its interview script (copied in when the campaign is created,
/// so editing the YAML later never changes a running campaign) and its calling rules.
public struct Campaign: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Whether agents may be served contacts from the campaign.
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case active, paused, closed
    }

    public var id: String
    public var client: String
    public var title: String
    public var status: Status
    public var scriptId: String
    /// The path the script was read from when the campaign was created (for people; never re-read).
    public var scriptFile: String
    /// The script's YAML text as it was when the campaign was created.
    public var scriptYAML: String
    /// Extra contact fields the campaign expects beyond the built-in ones, usable as placeholders.
    public var fields: [String]
    public var maxAttempts: Int
    /// `HH:MM-HH:MM`, or nil when no calls are made on weekdays.
    public var weekdayWindow: String?
    public var saturdayWindow: String?
    public var sundayWindow: String?
    /// The campaign's own time zone, used for contacts whose zone is not otherwise known.
    public var timeZone: String
    public var quarantineDays: Int
    public var createdAt: Int64
    public var closedAt: Int64?

    public static let databaseTableName = "campaign"

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
        static let closedAt = Column(CodingKeys.closedAt)
    }
}

extension Campaign {
    /// Placeholders every script may use whatever the call list holds.
    public static let builtInPlaceholders: Set<String> = [
        "client", "title", "agent", "name", "first_name", "last_name", "phone",
    ]

    /// The campaign's time zone (the machine's when the stored name is unknown): times in reports
    /// and `--since` are read in it.
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .current }

    /// The calling window for a weekday numbered as `Calendar` does (1 = Sunday … 7 = Saturday).
    public func callingWindow(weekday: Int) -> CallingWindow? {
        let text: String? = switch weekday {
        case 1: sundayWindow
        case 7: saturdayWindow
        default: weekdayWindow
        }
        return text.flatMap(CallingWindow.init(parsing:))
    }

    /// The rules in one line each, for `campaign show`.
    public var rulesDescription: [String] {
        func window(_ text: String?) -> String { text.flatMap(CallingWindow.init(parsing:))?.description ?? "no calls" }
        return [
            "maximum attempts: \(maxAttempts)",
            "calling window: Mon–Fri \(window(weekdayWindow)), Sat \(window(saturdayWindow)), Sun \(window(sundayWindow)) (\(timeZone), or the contact's own zone)",
            "survey quarantine: \(Plural.of(quarantineDays, "day"))",
        ]
    }
}

extension Campaign {
    /// Decodes a row by hand; `fields` is stored as a JSON array.
    public init(row: Row) throws {
        id = row["id"]
        client = row["client"]
        title = row["title"]
        status = row["status"]
        scriptId = row["scriptId"]
        scriptFile = row["scriptFile"]
        scriptYAML = row["scriptYAML"]
        let fieldsJSON: String = row["fields"] ?? "[]"
        fields = (try? JSONDecoder().decode([String].self, from: Data(fieldsJSON.utf8))) ?? []
        maxAttempts = row["maxAttempts"]
        weekdayWindow = row["weekdayWindow"]
        saturdayWindow = row["saturdayWindow"]
        sundayWindow = row["sundayWindow"]
        timeZone = row["timeZone"]
        quarantineDays = row["quarantineDays"]
        createdAt = row["createdAt"]
        closedAt = row["closedAt"]
    }
}
