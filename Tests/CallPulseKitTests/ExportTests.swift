import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `callpulse export` on a campaign filled through the real console.
@Suite struct ExportTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    @Test func oneRowPerCompleteInterviewWithCodedAnswers() throws {
        let records = try fixture.exportRecords()
        #expect(records[0] == ["interview_id", "contact_id", "phone", "name", "first_name", "last_name", "touchpoint",
                               "agent", "language", "started", "ended", "duration_s", "disposition",
                               "nps", "nps_reason", "ces", "csat", "may_contact", "notes"])
        let rows = keyed(records)
        #expect(rows.count == 2)
        let aino = rows[0]
        #expect(aino["name"] == "'=HYPERLINK(\"http://evil.example\",\"x\")")
        #expect(aino["phone"] == "'+358401111111")
        #expect(aino["touchpoint"] == "support, chat")
        #expect(aino["agent"] == "liisa" && aino["language"] == "fi" && aino["disposition"] == "1.1")
        #expect(aino["started"] == "2026-11-23 10:00")
        #expect(aino["nps"] == "2" && aino["ces"] == "DK" && aino["csat"] == "1" && aino["may_contact"] == "1")
        #expect(aino["nps_reason"] == "'=HYPERLINK(\"http://evil.example\")")
        #expect(aino["notes"] == "Asiakas oli \"vihainen\"")
        let bjorn = rows[1]
        #expect(bjorn["name"] == "Björn \"Nalle\" Åström")
        #expect(bjorn["nps_reason"] == "'+46 säger: bra; snabb")
        #expect(bjorn["may_contact"] == "" && bjorn["started"] == "2026-11-23 12:00")
        #expect(bjorn["duration_s"] == "0")
    }

    @Test func partialsOnlyWhenAsked() throws {
        let rows = keyed(try fixture.exportRecords { $0.includePartials = true })
        #expect(rows.count == 3)
        #expect(rows[2]["name"] == "Pekka Ärrä" && rows[2]["touchpoint"] == "'-shop")
        #expect(rows[2]["nps"] == "7" && rows[2]["nps_reason"] == "Ok" && rows[2]["ces"] == "")
        #expect(rows[2]["disposition"] == "1.2") // two of the four questions asked were answered
    }

    @Test func noPIILeavesOutEveryPersonalColumnAndNoteText() throws {
        let bytes = try fixture.export { $0.includePersonalData = false; $0.includePartials = true }
        let records = try ExportFixture.records(bytes, in: fixture.dir)
        #expect(records[0] == ["interview_id", "contact_id", "agent", "language", "started", "ended", "duration_s",
                               "disposition", "nps", "nps_reason", "ces", "csat", "may_contact"])
        let text = String(decoding: bytes, as: UTF8.self)
        for personal in ["HYPERLINK(\"http://evil.example\",", "Björn", "Pekka", "358", "support", "vihainen"] {
            #expect(!text.contains(personal), "'\(personal)' leaked into a --no-pii export")
        }
        let calls = String(decoding: try fixture.export({ $0.includePersonalData = false }, calls: true), as: UTF8.self)
        #expect(!calls.contains("358") && !calls.contains("Björn") && !calls.contains("note"))
    }

    @Test func sinceFiltersInterviewsAndCalls() throws {
        let since = try ExportTimeParser.parse("2026-11-23 11:00", timeZone: TimeZone(identifier: "Europe/Helsinki")!)
        let rows = keyed(try fixture.exportRecords { $0.since = since; $0.includePartials = true })
        #expect(rows.map { $0["first_name"] } == ["Björn", "Pekka"])
        let nextDay = try ExportTimeParser.parse("2026-11-24", timeZone: TimeZone(identifier: "Europe/Helsinki")!)
        #expect(keyed(try fixture.exportRecords { $0.since = nextDay }).isEmpty)
        let calls = keyed(try fixture.exportRecords({ $0.since = nextDay }, calls: true))
        #expect(calls.map { $0["name"] } == ["Pekka Ärrä"])
    }

    @Test func callsAreThePerAttemptParadata() throws {
        let records = try fixture.exportRecords(calls: true)
        #expect(records[0] == ["call_id", "contact_id", "phone", "name", "started", "ended", "duration_s", "agent",
                               "outcome", "outcome_label", "aapor", "aapor_label", "note",
                               "dialled", "ring_s", "talk_s", "sip_status", "sip_reason", "coded_by"])
        let rows = keyed(records)
        #expect(rows.count == 3)
        #expect(rows.map { $0["outcome"] } == ["answered", "answered", "answered"])
        #expect(rows.map { $0["aapor"] } == ["1.1", "1.1", "1.2"])
        #expect(rows.map { $0["outcome_label"] } == ["answered", "answered", "answered"])
        #expect(rows.map { $0["aapor_label"] } == ["complete interview", "complete interview", "partial interview"])
        #expect(rows.map { $0["agent"] } == ["liisa", "pekka", "liisa"])
        #expect(rows[2]["started"] == "2026-11-24 12:00")
    }

    @Test func codebookListsTypesTextsAndValueLabels() throws {
        let records = try fixture.exportRecords(codebook: true)
        #expect(records[0] == ["variable", "type", "description", "asked_when", "text_fi", "text_sv", "text_en",
                               "values_fi", "values_sv", "values_en", "special_codes"])
        let rows = Dictionary(uniqueKeysWithValues: keyed(records).map { ($0["variable"]!, $0) })
        let exportHeader = try fixture.exportRecords()[0]
        #expect(keyed(records).map { $0["variable"]! } == exportHeader)
        #expect(rows["csat"]?["values_en"] == "1 = very dissatisfied … 5 = very satisfied")
        #expect(rows["nps"]?["values_fi"] == "0 = en lainkaan todennäköisesti … 10 = erittäin todennäköisesti")
        #expect(rows["may_contact"]?["values_sv"] == "1 = ja; 0 = nej")
        #expect(rows["may_contact"]?["asked_when"] == "csat <= 2 or nps <= 6")
        #expect(rows["ces"]?["description"] == "question 3 of 5; whole number 1–5, high is good")
        #expect(rows["nps"]?["special_codes"] == "DK = don't know; REF = refused; SKIP = asked, not answered; (empty) = not asked")
        #expect(rows["nps_reason"]?["text_en"] == "What is the main reason for your score?")
        #expect(rows["nps_reason"]?["type"] == "text")
    }

    @Test func lineBreaksQuotesAndDelimitersInAnswersRoundTrip() throws {
        let tricky = "Rivi 1, \"lainaus\"\r\nrivi 2; loppu"
        try fixture.db.write { db in
            try db.execute(sql: "UPDATE answer SET value = ? WHERE questionId = 'nps_reason' AND interviewId = 2",
                           arguments: [try AppDatabase.encodeAnswer(.text(tricky))])
        }
        let bytes = try fixture.export()
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"Rivi 1, \"\"lainaus\"\"\r\nrivi 2; loppu\""))
        #expect(keyed(try ExportFixture.records(bytes, in: fixture.dir))[1]["nps_reason"] == tricky)
    }

    @Test func multipleChoicesAreCodesSeparatedBySpaces() throws {
        let value = try AppDatabase.encodeAnswer(.choices(["phone", "email"]))
        let field = try fixture.db.read { db in
            try String.fetchOne(db, sql: """
                SELECT CASE WHEN json_type(?) = 'array' THEN (SELECT group_concat(value, ' ') FROM json_each(?)) END
                """, arguments: [value, value])!
        }
        #expect(AnswerCoding.field(value: .text(field), special: nil, kind: .choice(options: [], multiple: true)) == .text("phone email"))
        #expect(AnswerCoding.field(value: nil, special: "refused", kind: .nps) == .text("REF"))
        #expect(AnswerCoding.field(value: .real(3.25), special: nil, kind: .number(min: nil, max: nil)) == .number("3.25"))
    }

    @Test func excelModeHasBOMSemicolonsAndNordicLetters() throws {
        let bytes = try fixture.export { $0.dialect = .excel; $0.includePartials = true }
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("interview_id;contact_id;phone;name;"))
        #expect(text.contains("Björn \"\"Nalle\"\" Åström") && text.contains(";Pekka Ärrä;"))
        #expect(text.contains("\"'+46 säger: bra; snabb\""))
    }

    @Test(arguments: [("2026-11-23", "2026-11-23 00:00"), ("2026-11-23 14:05", "2026-11-23 14:05"),
                      ("2026-03-29 04:30", "2026-03-29 04:30")])
    func sinceReadsDatesInTheCampaignZone(text: String, expected: String) throws {
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        #expect(TimeFormat.dateTime(try ExportTimeParser.parse(text, timeZone: zone), timeZone: zone) == expected)
    }

    @Test(arguments: ["2026-02-30", "23.11.2026", "2026-11-23 25:00", "yesterday", "2026-11-23 14"])
    func badSinceNamesTheValue(text: String) {
        #expect(throws: ExportError.invalidSince(text)) {
            try ExportTimeParser.parse(text, timeZone: TimeZone(identifier: "Europe/Helsinki")!)
        }
    }

    @Test func fastTimeFormatterAgreesWithFoundationAcrossDaylightSaving() {
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        var formatter = LocalTimeFormatter(timeZone: zone)
        var instant: Int64 = 1_774_746_000 - 86_400 * 400 // 2025, through two DST changes and a leap day
        while instant < 1_774_746_000 + 86_400 * 400 {
            #expect(formatter.format(instant) == TimeFormat.dateTime(instant, timeZone: zone))
            instant += 3_607 * 7
        }
        #expect(formatter.format(-1) == "1970-01-01 01:59")
    }
}
