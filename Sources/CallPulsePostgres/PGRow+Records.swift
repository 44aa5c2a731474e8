import CallPulseDomain
import CallPulseStore
import Foundation

/// The store's records read from PostgreSQL rows (`SELECT *` of their table, or the same columns
/// by name; PostgreSQL's lower-case names match, `PGRow` ignores case). One decoder per record,
/// shared by every `PostgresStore` file.
extension PGRow {
    /// The column `name` read as a string-backed enum (nil for NULL); a value the enum lacks is an
    /// error naming the column.
    func enumValue<E: RawRepresentable>(_ name: String, as type: E.Type = E.self) throws -> E? where E.RawValue == String {
        guard let raw: String = try value(name) else { return nil }
        guard let value = E(rawValue: raw) else {
            throw PostgresError(kind: .client, message: "column \(name) holds '\(raw.prefix(40))', not a \(E.self)",
                                address: "")
        }
        return value
    }

    /// Like `enumValue(_:)` for a column that is never NULL.
    func requiredEnum<E: RawRepresentable>(_ name: String, as type: E.Type = E.self) throws -> E where E.RawValue == String {
        guard let value: E = try enumValue(name) else {
            throw PostgresError(kind: .client, message: "column \(name) holds NULL, not a \(E.self)", address: "")
        }
        return value
    }

    /// Whether the row has a column `name` (in any case).
    func hasColumn(_ name: String) -> Bool { columns.index(of: name) != nil }
}

extension Campaign {
    /// A `campaign` row; `fields` is stored as a JSON array.
    init(pgRow row: PGRow) throws {
        let fieldsJSON: String = try row.value("fields") ?? "[]"
        self.init(id: try row.value("id"), client: try row.value("client"), title: try row.value("title"),
                  status: try row.requiredEnum("status"), scriptId: try row.value("scriptId"),
                  scriptFile: try row.value("scriptFile"), scriptYAML: try row.value("scriptYAML"),
                  fields: (try? JSONDecoder().decode([String].self, from: Data(fieldsJSON.utf8))) ?? [],
                  maxAttempts: try row.value("maxAttempts"), weekdayWindow: try row.value("weekdayWindow"),
                  saturdayWindow: try row.value("saturdayWindow"), sundayWindow: try row.value("sundayWindow"),
                  timeZone: try row.value("timeZone"), quarantineDays: try row.value("quarantineDays"),
                  createdAt: try row.value("createdAt"), closedAt: try row.value("closedAt"))
    }
}

extension Contact {
    /// A `contact` row.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), campaignId: try row.value("campaignId"), phone: try row.value("phone"),
                  phoneRegion: try row.value("phoneRegion"), name: try row.value("name"),
                  firstName: try row.value("firstName"), lastName: try row.value("lastName"),
                  language: try row.value("language"), timeZone: try row.value("timeZone"),
                  fields: try row.value("fields"), status: try row.requiredEnum("status"),
                  disposition: try row.value("disposition"), attempts: try row.value("attempts"),
                  nextCallAt: try row.value("nextCallAt"), leaseAgent: try row.value("leaseAgent"),
                  leaseUntil: try row.value("leaseUntil"), appointmentAgent: try row.value("appointmentAgent"),
                  appointmentNote: try row.value("appointmentNote"), importId: try row.value("importId"),
                  importLine: try row.value("importLine"), erasedAt: try row.value("erasedAt"))
    }
}

extension CallRecord {
    /// A `call` row, with its paradata when the row has the columns and the call was dialled.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), contactId: try row.value("contactId"), campaignId: try row.value("campaignId"),
                  agent: try row.value("agent"), startedAt: try row.value("startedAt"), endedAt: try row.value("endedAt"),
                  outcome: try row.enumValue("outcome"), aapor: try row.value("aapor"), note: try row.value("note"),
                  callbackAt: try row.value("callbackAt"),
                  paradata: row.hasColumn("dialledAt") ? try CallParadata(pgRow: row) : nil)
    }
}

extension CallParadata {
    /// The paradata of a `call` row; nil for a call not dialled by CallPulse.
    init?(pgRow row: PGRow) throws {
        guard let dialledAt: Int64 = try row.value("dialledAt") else { return nil }
        self.init(dialledAt: dialledAt, ringSeconds: try row.value("ringSeconds"), talkSeconds: try row.value("talkSeconds"),
                  sipStatus: try row.value("sipStatus"), sipReason: try row.value("sipReason"),
                  codedBy: try row.enumValue("codedBy"))
    }
}

extension InterviewRecord {
    /// An `interview` row.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), contactId: try row.value("contactId"), campaignId: try row.value("campaignId"),
                  agent: try row.value("agent"), language: try row.value("language"), status: try row.requiredEnum("status"),
                  startedAt: try row.value("startedAt"), endedAt: try row.value("endedAt"),
                  disposition: try row.value("disposition"))
    }
}

extension AnswerRecord {
    /// An `answer` row.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), interviewId: try row.value("interviewId"), questionId: try row.value("questionId"),
                  value: try row.value("value"), number: try row.value("number"), special: try row.enumValue("special"),
                  agent: try row.value("agent"), answeredAt: try row.value("answeredAt"))
    }
}

extension FollowUp {
    /// A `followup` row.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), campaignId: try row.value("campaignId"), contactId: try row.value("contactId"),
                  interviewId: try row.value("interviewId"), alertIndex: try row.value("alertIndex"),
                  reason: try row.value("reason"), createdAt: try row.value("createdAt"), dueAt: try row.value("dueAt"),
                  resolvedAt: try row.value("resolvedAt"), resolvedBy: try row.value("resolvedBy"),
                  resolutionNote: try row.value("resolutionNote"))
    }
}

extension NoteRecord {
    /// A `note` row.
    init(pgRow row: PGRow) throws {
        self.init(id: try row.value("id"), contactId: try row.value("contactId"), interviewId: try row.value("interviewId"),
                  agent: try row.value("agent"), createdAt: try row.value("createdAt"), text: try row.value("text"))
    }
}

extension AuditEntry {
    /// An `audit` row.
    init(pgRow row: PGRow) throws {
        self.init(at: try row.value("at"), actor: try row.value("actor"), action: try row.value("action"),
                  entity: try row.value("entity"), entityId: try row.value("entityId"), detail: try row.value("detail"))
        id = try row.value("id")
    }
}

extension PGResult {
    /// Every row decoded with `decode`.
    func records<T>(_ decode: (PGRow) throws -> T) throws -> [T] { try rows.map(decode) }
}
