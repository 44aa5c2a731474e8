import CallPulseTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A campaign for report tests, filled through the real console: six contacts with a touchpoint
/// (one of them hostile markup); four complete interviews (NPS 9, 10, 3, 6) with open answers, one
/// of them hostile; a refusal and a no-answer. The client's name is hostile markup too.
final class ReportFixture {
    let dir: TemporaryDirectory
    let db: AppDatabase
    let clock = TestClock(ConsoleTests.mondayMorning)
    static let hostileClient = "<script>alert(1)</script> & \"Oy\" 'x'"
    static let hostileAnswer = "<script>alert(2)</script> jonotus kesti =HYPERLINK(\"http://evil.example\")"
    static let hostileField = "<b>chat</b> & more"

    init() throws {
        dir = try TemporaryDirectory()
        db = try AppDatabase.open(path: dir.file("cp.sqlite"))
        try db.makeTestCampaign(id: "c")
        try db.importTestList("""
            phone,first_name,language,touchpoint
            040 111 1111,Aino,fi,support
            040 111 1112,Eino,fi,support
            040 111 1113,Olli,fi,"<b>chat</b> & more"
            040 111 1114,Pia,fi,delivery
            040 111 1115,Ulla,fi,delivery
            040 111 1116,Ville,fi,support
            """, in: dir, now: clock.now)
        try db.runTestSession([
            "a", "9", "Ystävällinen ja nopea palvelu, kiitos", "5", "5",
            "a", "10", "Nopea ja ystävällinen asiakaspalvelu", "4", "4",
            "a", "3", Self.hostileAnswer, "2", "1", "k",
            "a", "6", "Jonotus oli liian pitkä ja lasku väärin", "3", "3", "e",
            "r", "n",
        ], clock: clock)
        try db.write { db in
            try db.execute(sql: "UPDATE campaign SET client = ?", arguments: [Self.hostileClient])
            // An escape sequence in a customer's words must not reach the file.
            try db.execute(sql: """
                UPDATE answer SET value = json_quote(json_extract(value, '$') || char(27) || '[2J')
                WHERE questionId = 'nps_reason' AND interviewId = 2
                """)
        }
    }

    func campaign() throws -> Campaign { try db.campaign(id: "c") }

    /// The report's HTML for campaign "c".
    func html(by field: String? = "touchpoint", language: ReportLanguage? = nil, since: Int64? = nil) throws -> String {
        let report = try ClientReport.load(database: db, campaign: try campaign(), breakdownField: field, language: language,
                                           since: since, now: clock.now)
        return ReportPage(report: report).render()
    }
}

/// A report parsed as XML: every element with its attributes, and the text content.
final class ParsedReport: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var text = ""

    /// Parses `html`; throws when it is not well-formed XML.
    static func parse(_ html: String) throws -> ParsedReport {
        let document = ParsedReport()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = document
        guard parser.parse() else {
            throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "unknown",
                               line: parser.lineNumber, column: parser.columnNumber)
        }
        return document
    }

    struct ParseFailure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// The element with this `id`.
    func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }

    /// The elements carrying `attribute`.
    func elements(with attribute: String) -> [Element] { elements.filter { $0.attributes[attribute] != nil } }

    /// A `data-` figure of the element with this `id`, as a number.
    func number(_ id: String, _ attribute: String = "data-value") -> Double? {
        element(id: id)?.attributes[attribute].flatMap(Double.init)
    }
}
