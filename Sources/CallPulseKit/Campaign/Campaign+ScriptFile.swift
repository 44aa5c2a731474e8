import CallPulseDomain
import Foundation

extension Campaign {
    /// Builds a campaign from a script file, copying the script in and checking its placeholders
    /// against the built-in fields and the declared `fields`.
    public static func make(id: String, scriptFile: String, client: String, title: String?, fields: [String],
                            rules: CampaignRules, now: Int64) throws -> Campaign {
        try checkSettings(id: id, client: client, rules: rules)
        let yaml: String
        do { yaml = try ScriptFile.contents(of: scriptFile) } catch let error as ScriptFile.ReadError {
            throw CampaignFileError.cannotReadScript(file: scriptFile, reason: error.reason)
        } catch let error as ScriptError {
            throw CampaignError.invalidScript(error.problems.map(\.description).joined(separator: "\n"))
        }
        return try make(id: id, scriptYAML: yaml, scriptFile: scriptFile, client: client, title: title, fields: fields,
                        rules: rules, now: now)
    }
}
