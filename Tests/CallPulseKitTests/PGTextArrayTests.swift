import CallPulseTestSupport
import Testing
@testable import CallPulsePostgres

/// `PGTextArray` reads PostgreSQL's text output of a `text[]`: quoting, backslash escapes, NULL
/// against the text "NULL"; and gives back what a real server was sent.
struct PGTextArrayTests {
    @Test(arguments: [
        ("{}", []),
        ("{a}", ["a"]),
        ("{a,b,c}", ["a", "b", "c"]),
        ("{\"b c\",d}", ["b c", "d"]),
        ("{NULL,x,null,Null}", [nil, "x", nil, nil]),
        ("{\"NULL\",\"null\"}", ["NULL", "null"]),
        ("{\"\",\"\"}", ["", ""]),
        ("{\"x\\\"y\"}", ["x\"y"]),
        ("{\"back\\\\slash\",\"\\\\\"}", ["back\\slash", "\\"]),
        ("{\"a,b\",\"{c}\",\"}\"}", ["a,b", "{c}", "}"]),
        ("{\"\\\"quoted\\\"\",9,\"[\\\"a\\\",\\\"b c\\\"]\"}", ["\"quoted\"", "9", "[\"a\",\"b c\"]"]),
        ("{Hyvä,\"ä ö\",日本,👩‍👩‍👧‍👦}", ["Hyvä", "ä ö", "日本", "👩‍👩‍👧‍👦"]),
        ("{\"two\nlines\",\"tab\there\"}", ["two\nlines", "tab\there"]),
        ("{a\\,b}", ["a,b"]),
        ("[0:1]={x,y}", ["x", "y"]),
    ] as [(String, [String?])])
    func readsTheServersOutput(literal: String, expected: [String?]) {
        #expect(PGTextArray.elements(literal) == expected, "\(literal)")
    }

    @Test(arguments: ["", "a", "{", "{a", "{a,}", "{,a}", "{\"a}", "{\"a\"b}", "{a}x", "{{a},{b}}", "{a\"b}"])
    func refusesWhatIsNotAOneDimensionalArray(literal: String) {
        #expect(PGTextArray.elements(literal) == nil, "\(literal)")
    }

    @Test(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
    func givesBackWhatTheServerWasSent() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        let cases: [[String?]] = [
            [], [nil], [""], ["NULL", nil, "null"], ["a", "b c", " lead", "trail ", "x\"y", "\\", "\\\"", "{}", "a,b"],
            ["\"text\"", "[\"a\",\"b\"]", "{\"k\":\"v\"}", "5", "-0.25", "true"],
            ["ä ö å", "日本", "👩‍👩‍👧‍👦", "tab\tnew\nline\r\nend", "\u{202E}=1", String(repeating: "x,\"\\", count: 5_000)],
        ]
        for elements in cases {
            let placeholders = elements.indices.map { "$\($0 + 1)::text" }.joined(separator: ", ")
            let parameters = elements.map { $0 as (any PGParameter)? }
            let text = try #require(try db.execute("SELECT ARRAY[\(placeholders)]::text[]", parameters).scalar(String.self))
            #expect(PGTextArray.elements(text) == elements, "\(text.prefix(80))")
        }
        let aggregated = try #require(try db.execute("SELECT array_agg(v) FROM (VALUES ('b'), (NULL), ('a b')) t(v)")
            .scalar(String.self))
        #expect(PGTextArray.elements(aggregated) == ["b", nil, "a b"])
    }

    /// `PostgresStore.textArray`, the literal the import and the privacy commands send as a
    /// `$n::text[]`, arrives as the same strings, whatever they hold.
    @Test(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
    func theArrayLiteralWeSendArrivesAsItsStrings() throws {
        let db = try PGConnection(PostgresTestServer.makeDatabase())
        let cases: [[String]] = [
            [], [""], ["+358401234567", "+46701234567"], ["NULL", "null"], ["x\"y", "\\", "\\\"", "a,b", "{}", " lead", "trail "],
            ["ä ö å", "日本", "👩‍👩‍👧‍👦", "tab\tnew\nline", String(repeating: "x,\"\\", count: 2_000)],
        ]
        for strings in cases {
            let sent = PostgresStore.textArray(strings)
            let back = try db.execute("SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n", [sent])
                .rows.map { try $0.value(at: 0, as: String.self) }
            #expect(back == strings, "\(sent.prefix(80))")
        }
    }
}
