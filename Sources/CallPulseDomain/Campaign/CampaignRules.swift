import Foundation

/// The calling rules a campaign is created with; every one has a call-center default.
public struct CampaignRules: Sendable, Equatable {
    public var maxAttempts = 6
    public var weekdayWindow: CallingWindow? = CallingWindow(startMinute: 9 * 60, endMinute: 20 * 60)
    public var saturdayWindow: CallingWindow? = CallingWindow(startMinute: 10 * 60, endMinute: 16 * 60)
    public var sundayWindow: CallingWindow?
    public var timeZone = "Europe/Helsinki"
    public var quarantineDays = 90

    public init() {}
}

/// Why a campaign could not be created.
public enum CampaignError: Error, LocalizedError, Equatable {
    case invalidID(String)
    case invalidScript(String)
    case unknownPlaceholders(file: String, names: [String], available: [String])
    case invalidRule(String)

    public var errorDescription: String? {
        switch self {
        case let .invalidID(id):
            "'\(id)' is not a valid campaign id: use letters, digits, '-', '_' and '.', at most 64 characters, starting with a letter or digit"
        case let .invalidScript(problems): problems
        case let .unknownPlaceholders(file, names, available):
            "\(file): the script uses {\(names.joined(separator: "}, {"))}, which is not a field of the campaign "
                + "(available: \(available.joined(separator: ", "))); declare call-list columns with --field NAME"
        case let .invalidRule(message): message
        }
    }
}

extension Campaign {
    /// Builds a campaign from a script's text (`scriptFile` names where it came from, for messages).
    public static func make(id: String, scriptYAML yaml: String, scriptFile: String, client: String, title: String?,
                     fields: [String], rules: CampaignRules, now: Int64) throws -> Campaign {
        try checkSettings(id: id, client: client, rules: rules)
        let script: InterviewScript
        do { script = try InterviewScript.parse(yaml: yaml, file: scriptFile) } catch let error as ScriptError {
            throw CampaignError.invalidScript(error.problems.map(\.description).joined(separator: "\n"))
        }
        let declared = fields.map(FieldName.normalize)
        let available = Campaign.builtInPlaceholders.union(declared)
        let unknown = script.placeholders.subtracting(available).sorted()
        guard unknown.isEmpty else {
            throw CampaignError.unknownPlaceholders(file: scriptFile, names: unknown, available: available.sorted())
        }
        _ = try ScriptQuota.quotas(of: script, fields: declared, file: scriptFile)
        return Campaign(
            id: id, client: client, title: title ?? script.title.text(for: script.languages[0], fallback: script.languages) ?? id,
            status: .active, scriptId: script.id, scriptFile: scriptFile, scriptYAML: yaml, fields: declared,
            maxAttempts: rules.maxAttempts, weekdayWindow: rules.weekdayWindow?.storageText,
            saturdayWindow: rules.saturdayWindow?.storageText, sundayWindow: rules.sundayWindow?.storageText,
            timeZone: rules.timeZone, quarantineDays: rules.quarantineDays, createdAt: now, closedAt: nil)
    }

    /// Refuses a bad id, an empty client name or rules out of range.
    public static func checkSettings(id: String, client: String, rules: CampaignRules) throws {
        guard id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"#, options: .regularExpression) != nil else {
            throw CampaignError.invalidID(id)
        }
        guard !client.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CampaignError.invalidRule("--client must name the client")
        }
        guard (1...50).contains(rules.maxAttempts) else {
            throw CampaignError.invalidRule("--max-attempts must be between 1 and 50, not \(rules.maxAttempts)")
        }
        guard (0...3650).contains(rules.quarantineDays) else {
            throw CampaignError.invalidRule("--quarantine-days must be between 0 and 3650, not \(rules.quarantineDays)")
        }
        guard TimeZone(identifier: rules.timeZone) != nil else {
            throw CampaignError.invalidRule("'\(rules.timeZone)' is not a time zone (use an IANA name such as Europe/Helsinki)")
        }
    }

    /// The campaign's copy of its script.
    public func loadScript() throws -> InterviewScript {
        try InterviewScript.parse(yaml: scriptYAML, file: "campaign \(id) (\(scriptFile))")
    }
}
