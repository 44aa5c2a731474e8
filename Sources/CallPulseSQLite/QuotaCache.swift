import CallPulseDomain
import CallPulseStore
import Foundation

/// Stored quotas parsed once per process. Every claim needs the campaign's field quotas (a change
/// takes effect at the next claim), and reading and parsing them each time cost more than the
/// claim itself: a campaign's list is kept with the `quotaSetting.version` it was read at (every
/// quota change draws a new one), and each group by its definition and question ids.
final class QuotaCache: @unchecked Sendable {
    // @unchecked: `groups` and `lists` are only read and written under `lock`.
    private let lock = NSLock()
    private var groups: [String: QuotaGroup] = [:]
    private var lists: [String: (version: Int64, quotas: [AppDatabase.StoredQuota])] = [:]

    static let shared = QuotaCache()

    /// The group of `definition` stored with `answerNames` (a JSON array of question ids).
    func group(definition: String, answerNames: String) throws -> QuotaGroup {
        let key = answerNames + "\u{0}" + definition
        if let group = lock.withLock({ groups[key] }) { return group }
        let names = try JSONDecoder().decode([String].self, from: Data(answerNames.utf8))
        let group = try QuotaGroup(stored: definition, answerNames: Set(names))
        lock.withLock {
            if groups.count > 10_000 { groups.removeAll() } // a bound, never reached by real campaigns
            groups[key] = group
        }
        return group
    }

    /// The campaign's quotas as read at `version`, reading them with `read` when not yet known.
    func quotas(campaignID: String, fieldsOnly: Bool, version: Int64,
                read: () throws -> [AppDatabase.StoredQuota]) throws -> [AppDatabase.StoredQuota] {
        let key = (fieldsOnly ? "f\u{0}" : "a\u{0}") + campaignID
        if let list = lock.withLock({ lists[key] }), list.version == version { return list.quotas }
        let quotas = try read()
        lock.withLock {
            if lists.count > 1_000 { lists.removeAll() }
            lists[key] = (version, quotas)
        }
        return quotas
    }
}
