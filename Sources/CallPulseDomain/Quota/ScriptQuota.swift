/// A quota as a script's `quotas:` section sets it: the default quotas of a campaign created
/// from the script. Names that are not question ids are call-list fields, checked against the
/// campaign's fields when the campaign is created.
public struct ScriptQuota: Sendable, Hashable {
    public var name: String
    /// The group in the condition language, as written.
    public var definition: String
    public var target: Int
    /// The 1-based line of the quota in the script file, for messages.
    public var line: Int

    public init(name: String, definition: String, target: Int, line: Int) {
        self.name = name
        self.definition = definition
        self.target = target
        self.line = line
    }
}

extension ScriptQuota {
    /// The quotas a campaign made from `script` starts with, checked against the campaign's
    /// `fields`. When the campaign declares no fields (its call list is imported later), every
    /// name that is not a question id is taken as a field. Problems name `file` and the line.
    public static func quotas(of script: InterviewScript, fields: [String], file: String) throws -> [Quota] {
        let questionIDs = Set(script.questions.map(\.id))
        return try script.quotas.map { quota in
            do {
                let known = try fields.isEmpty
                    ? QuotaGroup(stored: quota.definition, answerNames: questionIDs).fieldNames.sorted() : fields
                return try Quota.make(name: quota.name, definition: quota.definition, target: quota.target,
                                      questionIDs: questionIDs, fields: known)
            } catch {
                throw CampaignError.invalidScript("\(file):\(quota.line): \(error.localizedDescription)")
            }
        }
    }
}
