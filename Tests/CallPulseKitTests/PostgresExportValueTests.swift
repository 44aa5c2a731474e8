import CallPulseStore
import GRDB
import Testing
@testable import CallPulsePostgres

/// The PostgreSQL export reads each stored answer's JSON itself (`PostgresStore.exportedValue(json:)`);
/// it must give what the SQLite store's `json_extract` / `json_each` expression gives for the same text.
struct PostgresExportValueTests {
    static let stored = [
        "9", "-3", "0", "4.5", "-0.25", "1e3", "12345678901234", "true", "false", "null", "\"Hyvä palvelu\"",
        "\"lainaus \\\" ja \\\\ kenoviiva\"", "\"\\u00e4 ja \\n rivinvaihto\"", "\"\"", "[1,2,3]", "[\"a\",\"b c\"]", "[]",
        "[true,false]", "[1.5,2]", "[[1,2],3]", "{\"a\":1}", "[\"=HYPERLINK(1)\",\"x,y\"]",
    ]

    @Test func everyStoredFormGivesWhatTheSQLiteExportGives() throws {
        let queue = try DatabaseQueue()
        for json in Self.stored {
            let sqlite = try queue.read { db in
                try DatabaseValue.fetchOne(db, sql: """
                    SELECT CASE WHEN json_type(?1) = 'array' THEN (SELECT group_concat(value, ' ') FROM json_each(?1))
                                ELSE json_extract(?1, '$') END
                    """, arguments: [json]) ?? .null
            }
            // As the SQLite export reads the value (`PendingAnswer.value`).
            let expected: ExportedAnswer.Value? = switch sqlite.storage {
            case let .int64(number): .integer(number)
            case let .double(number): .real(number)
            case let .string(text): .text(text)
            case .null, .blob: nil
            }
            #expect(PostgresStore.exportedValue(json: json) == expected, "\(json)")
        }
    }
}
