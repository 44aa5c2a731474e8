import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseCommands
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// What happens inside an interview and the dispositions it leaves, through the built binary with
/// piped answers (and a terminal where readline matters). The bundled customer-service script:
/// nps, nps_reason (optional), ces, csat, may_contact (asked when csat <= 2 or nps <= 6).
@Suite(.serialized) struct InterviewEndToEndTests {
    let dir: TemporaryDirectory
    let db: String
    let store: AppDatabase

    init() throws {
        dir = try TemporaryDirectory()
        db = try ConsoleEndToEndTests.setUp(contacts: 4, in: dir)
        store = try AppDatabase.open(path: db)
    }

    /// One console session with piped lines; fails the test on a non-zero exit.
    @discardableResult
    func session(_ lines: String...) throws -> String {
        let result = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                             stdin: lines.map { $0 + "\n" }.joined())
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func contact(_ id: Int64) throws -> Contact { try store.read { try Contact.fetchOne($0, key: id)! } }

    /// Makes only this contact due now, as if its retry time had come.
    func makeDue(_ id: Int64) throws {
        try store.write { db in
            try db.execute(sql: "UPDATE contact SET nextCallAt = CASE WHEN id = ? THEN 0 ELSE 4102444800 END WHERE status = 'scheduled'",
                           arguments: [id])
            try db.execute(sql: "UPDATE contact SET status = 'scheduled', nextCallAt = 4102444800 WHERE status = 'new'")
        }
    }

    func followUps() throws -> [FollowUp] { try store.read { try FollowUp.order(Column("id")).fetchAll($0) } }

    // MARK: Item 2: a later outcome does not undo a broken-off interview

    @Test func aPartialStaysPartialAndABreakOffNeverBecomesIneligible() throws {
        // 1: nps and ces of 4 applicable questions (½: partial); 2: nps only (¼: break-off);
        // 3: the same partial as 1; 4: the same break-off as 2.
        try session("a", "9", "", "4", "/break", "a", "9", "/break", "a", "9", "", "4", "/break", "a", "9", "/break")
        #expect(try (1...4).map { try contact($0).status } == [.scheduled, .scheduled, .scheduled, .scheduled])
        for (id, key) in [(Int64(1), "r"), (2, "x"), (3, "x"), (4, "r")] {
            try makeDue(id)
            let out = try session(key)
            #expect(out.contains("case closed"), "\(out)")
        }
        #expect(try contact(1).disposition == "1.2") // refused after a partial: still a partial
        #expect(try contact(2).disposition == "2.12") // not in use after a break-off: not 4.31
        #expect(try contact(3).disposition == "1.2")
        #expect(try contact(4).disposition == "2.11") // refused after a break-off: a refusal
        let codes = try store.read { try String.fetchAll($0, sql: "SELECT aapor FROM call WHERE outcome != 'answered' ORDER BY contactId") }
        #expect(codes == ["2.11", "4.31", "4.31", "2.11"]) // each call keeps its own code
    }

    // MARK: Item 3: a corrected answer takes its follow-up with it

    @Test func correctingAnAnswerClosesItsFollowUpAndUndoingReopensIt() throws {
        let out = try session("a", "4", "/back", "9", "", "5", "5")
        #expect(out.contains("⚑ follow-up created: NPS 4"))
        #expect(out.contains("⚑ follow-up closed (answer corrected): Arvostelija (NPS 0–6)"))
        let summary = try #require(out.components(separatedBy: "✓ Interview complete").last)
        #expect(!summary.contains("follow-up created"), "\(summary)")
        #expect(out.contains("Session ended: 1 call, 1 complete, 0 follow-ups."))
        let followUp = try #require(try followUps().first)
        #expect(followUp.resolvedAt != nil && followUp.resolutionNote == "answer corrected" && followUp.resolvedBy == "liisa")
        let audit = try store.read { try AuditEntry.filter(Column("entity") == "followup").fetchAll($0) }
        #expect(audit.map(\.detail) == ["answer corrected"] && audit[0].entityId == String(followUp.id!))
        let open = try CallPulseBinary.run(["followups", "c", "--open", "--db", db])
        #expect(open.stdout.contains("0 follow-ups") || !open.stdout.contains("#1"), "\(open.stdout)")

        let again = try session("a", "4", "/back", "9", "/back", "3", "", "5", "5", "k")
        #expect(again.contains("⚑ follow-up closed (answer corrected)"))
        let reopened = try followUps().filter { $0.contactId == 2 && $0.alertIndex == 1 }
        #expect(reopened.count == 1 && reopened[0].resolvedAt == nil) // 4 → 9 → 3: the detractor's follow-up is open again
        #expect(again.components(separatedBy: "✓ Interview complete").last?.contains("follow-up created: NPS 3") == true)
    }

    // MARK: Item 4: the customer's consent decides

    @Test func noFollowUpIsOpenedForACustomerWhoSaysNo() throws {
        let out = try session("a", "3", "", "2", "1", "e")
        #expect(out.contains("⚑ follow-up closed (no consent – do not call): Tyytymätön (CSAT 1–2)"), "\(out)")
        #expect(out.contains("⚑ follow-up closed (no consent – do not call): Arvostelija (NPS 0–6)"), "\(out)")
        #expect(out.contains("Session ended: 1 call, 1 complete, 0 follow-ups."))
        let all = try followUps()
        #expect(all.count == 2 && all.allSatisfy { $0.resolvedAt != nil && $0.resolutionNote == "no consent – do not call" })
        let list = try CallPulseBinary.run(["followups", "c", "--db", db])
        #expect(list.stdout.contains("outcome:  no consent – do not call"), "\(list.stdout)")
        #expect(list.stdout.contains("2 follow-ups: 0 open"), "\(list.stdout)")
        let export = try CallPulseBinary.run(["followups", "export", "c", "--db", db])
        #expect(export.stderr.contains("Wrote 0 open follow-ups"), "\(export.stderr)")

        // Consent given: both stay open, and the consent alert adds a third.
        _ = try session("a", "3", "", "2", "1", "k")
        #expect(try followUps().filter { $0.contactId == 2 && $0.resolvedAt == nil }.count == 3)

    }

    @Test func aScoreAfterTheCustomerSaidNoIsRecordedNeverOpened() throws {
        let script = try dir.write("consent-first.yaml", """
            id: consent-first
            title: Consent first
            languages: [fi]
            consent: may_contact
            questions:
              - { id: may_contact, type: yesno, text: "Saako teihin ottaa yhteyttä?" }
              - { id: csat, type: csat, required_for_complete: true, text: "Kuinka tyytyväinen olitte?" }
            alerts:
              - { when: "csat <= 2", reason: "Tyytymätön: soita takaisin" }
            """)
        let create = try CallPulseBinary.run(["campaign", "create", "c2", "--script", script, "--client", "ACME Oy",
                                              "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        let list = try dir.write("c2.csv", "phone,first_name,language\n045 7000001,Eino,fi\n")
        #expect(try CallPulseBinary.run(["import", "c2", list, "--db", db]).status == 0)
        let result = try CallPulseBinary.run(["agent", "c2", "--agent", "liisa", "--db", db], stdin: "a\ne\n1\n")
        #expect(result.stdout.contains("⚑ follow-up not opened (no consent – do not call): Tyytymätön: soita takaisin"),
                "\(result.stdout)")
        #expect(!result.stdout.contains("follow-up created"))
        let recorded = try followUps()
        #expect(recorded.count == 1 && recorded[0].resolutionNote == "no consent – do not call" && recorded[0].resolvedBy == "liisa")
        let audit = try store.read { try AuditEntry.filter(Column("entity") == "followup").fetchAll($0) }
        #expect(audit.map(\.detail) == ["no consent – do not call"])
    }

    // MARK: Item 5: a complete needs real answers to the questions marked for it

    @Test func aCompleteWithoutRequiredAnswersEndsAsPartialOrBreakOff() throws {
        // nps don't know, reason skipped, ces refused, csat 5: ½ answered (dk counts) → partial.
        let partial = try session("a", "/dk", "", "/ref", "5")
        #expect(partial.contains("Interview ended (no real answer to nps): case closed as partial (AAPOR 1.2), 4 answers saved."),
                "\(partial)")
        #expect(!partial.contains("Interview complete"))
        #expect(try contact(1).disposition == "1.2" && contact(1).status == .done)
        // nps refused, reason skipped, ces refused, csat refused: nothing answered → break-off.
        let breakOff = try session("a", "/ref", "", "/ref", "/ref")
        #expect(breakOff.contains("case closed as break-off (AAPOR 2.12)"), "\(breakOff)")
        #expect(try contact(2).disposition == "2.12")
        let interviews = try store.read { try InterviewRecord.order(Column("id")).fetchAll($0) }
        #expect(interviews.map(\.status) == [.brokenOff, .brokenOff]) // neither counts as a complete
        let stats = try CallPulseBinary.run(["stats", "c", "--db", db])
        #expect(stats.status == 0)
    }

    // MARK: Item 7: refused, not eligible, not available now

    @Test func theInterviewCanEndAsRefusedIneligibleOrAnAppointment() throws {
        let out = try session("a", "/decline", "a", "9", "/decline", "a", "/screenout", "a", "/notnow", "nonsense", "+2h")
        #expect(out.contains("Interview ended (declined by the respondent): case closed as refusal (AAPOR 2.11), 0 answers saved."))
        #expect(out.contains("case closed as break-off (AAPOR 2.12), 1 answer saved."))
        #expect(out.contains("Interview ended (not eligible: screened out): case closed as not eligible (AAPOR 4.70)"))
        #expect(out.contains("call back when?"))
        #expect(out.contains("Appointment made (the right person is not available now): 0 answers saved."))
        #expect(try (1...3).map { try contact($0).disposition } == ["2.11", "2.12", "4.70"])
        #expect(try (1...3).allSatisfy { try contact($0).status == .done })
        let fourth = try contact(4)
        #expect(fourth.status == .scheduled && fourth.appointmentAgent == "liisa" && fourth.nextCallAt != nil)
        let code = try store.read { try String.fetchOne($0, sql: "SELECT aapor FROM call WHERE contactId = 4") }
        #expect(code == "2.21")
        // The screened-out person is no respondent: not in the export, even with the break-offs.
        let export = try CallPulseBinary.run(["export", "c", "--include-partials", "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let exported = export.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }
        let screenedOut = try store.read { try Int64.fetchOne($0, sql: "SELECT id FROM interview WHERE contactId = 3") }
        #expect(!exported.contains(screenedOut.map(String.init)), "\(export.stdout)")
        #expect(exported.count == 3, "\(export.stdout)") // declined, broken off, appointment
    }

    @Test func notNowTakesTheTimeOnTheLineAndHelpNamesTheCommands() throws {
        let out = try session("a", "/help", "/notnow tomorrow 10", "a", "9", "/notnow +1h")
        for command in ["/decline", "/screenout", "/notnow [T]"] { #expect(out.contains("  \(command)")) }
        #expect(out.contains("Appointment made (the right person is not available now): 0 answers saved."))
        #expect(out.contains("Appointment made (the right person is not available now): 1 answer saved. It resumes at nps_reason"))
        #expect(try contact(1).status == .scheduled && contact(2).status == .scheduled)
        let codes = try store.read { try String.fetchAll($0, sql: "SELECT aapor FROM call ORDER BY contactId") }
        #expect(codes == ["2.21", "2.12"]) // with an answer given, the interview counts as the break-off it is
    }

    // MARK: Item 15: messages and completion in the interview language

    @Test func theYesNoErrorSpeaksTheInterviewLanguage() throws {
        let out = try session("a", "3", "", "2", "1", "x", "k")
        #expect(out.contains("✗ 'x': vastaa k (kyllä) tai e (ei)"), "\(out)")
        #expect(!out.contains("answer y or n"))
    }

    // MARK: Items 10 and 16, on a terminal

    @Test func theBreakOffQuestionTakesOnlyItsKeysAndCtrlDLeavesNoBlankLines() throws {
        let console = try ConsoleProcess.inTerminal("agent c --agent liisa --db '\(db)'")
        defer { console.terminate() }
        #expect(console.waitFor("outcome > "))
        console.send("a")
        #expect(console.waitFor("0–10"))
        console.sendRaw("\u{4}") // Ctrl-D
        #expect(console.waitFor("[y = break off, n = go on] > "))
        console.send("maybe")
        #expect(console.waitFor("type y to break off or n to go on"))
        #expect(console.waitFor("[y = break off, n = go on] > ", count: 2))
        console.send("n")
        #expect(console.waitFor("0–10", count: 2))
        console.send("x")
        #expect(console.waitFor("anna kokonaisluku"))
        console.send("7")
        #expect(console.waitFor("✓ saved 7"))
        let screen = Self.plain(console.transcript)
        #expect(screen.contains("> x\n  ✗ 'x': anna kokonaisluku 0–10\n"), "\(screen)")
        #expect(screen.contains("> 7\n  ✓ saved 7\n"), "\(screen)")
        let answers = try store.read { try AnswerRecord.fetchAll($0) }
        #expect(answers.map(\.questionId) == ["nps"]) // neither 'maybe' nor 'n' became an answer
    }

    @Test func helpKeepsEveryEntryWholeAtEightyColumns() throws {
        let console = try ConsoleProcess.inTerminal("agent c --agent liisa --db '\(db)'", columns: 80)
        defer { console.terminate() }
        #expect(console.waitFor("outcome > "))
        console.send("a")
        #expect(console.waitFor("0–10"))
        console.send("/help")
        #expect(console.waitFor("an answer that starts with /"))
        let screen = Self.plain(console.transcript)
        for line in InterviewCommand.helpLines { #expect(screen.contains("\n  \(line)\n"), "\(line)") }
    }

    /// Terminal output as plain lines: escape sequences and carriage returns removed.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
    }
}
