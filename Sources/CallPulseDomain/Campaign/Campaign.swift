import Foundation

/// A survey campaign for one client: its interview script (copied in when the campaign is created,
/// so editing the YAML later never changes a running campaign) and its calling rules.
public struct Campaign: Codable, Sendable, Hashable {
    /// Whether agents may be served contacts from the campaign.
    public enum Status: String, Codable, Sendable {
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

    public init(id: String, client: String, title: String, status: Status, scriptId: String, scriptFile: String,
                scriptYAML: String, fields: [String], maxAttempts: Int, weekdayWindow: String?, saturdayWindow: String?,
                sundayWindow: String?, timeZone: String, quarantineDays: Int, createdAt: Int64, closedAt: Int64?) {
        self.id = id
        self.client = client
        self.title = title
        self.status = status
        self.scriptId = scriptId
        self.scriptFile = scriptFile
        self.scriptYAML = scriptYAML
        self.fields = fields
        self.maxAttempts = maxAttempts
        self.weekdayWindow = weekdayWindow
        self.saturdayWindow = saturdayWindow
        self.sundayWindow = sundayWindow
        self.timeZone = timeZone
        self.quarantineDays = quarantineDays
        self.createdAt = createdAt
        self.closedAt = closedAt
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
