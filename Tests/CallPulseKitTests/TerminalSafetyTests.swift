import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// What must never reach a terminal raw from a data file.
enum TerminalSafety {
    /// The hostile sequences: clear screen, an OSC window title ended by BEL, a C1 CSI, a bidi override.
    static let clear = "\u{1B}[2J", title = "\u{1B}]0;pwned\u{07}", csi = "\u{9B}31m", override = "\u{202E}"

    /// Whether `text` holds a control character other than a line break, or a bidi control.
    static func hasUnsafeScalars(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064,
                 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB: true
            default: false
            }
        }
    }
}

/// Every path by which text from a call list, a script or an answer reaches the terminal, fed
/// with escape sequences, C1 controls and bidi overrides: none gets through raw.
@Suite struct TerminalSafetyTests {
    static let script = """
        id: "hostile\\e[2J"
        title: { fi: "Evil \\e[2J title", en: "Evil \\e[2J title" }
        languages: [fi, en]
        intro: { fi: "Hei {first_name} \\e]0;pwned\\a", en: "Hi {first_name} \\u202Egnp.exe" }
        questions:
          - id: nps
            type: nps
            text: { fi: "Suosittelisitko \\x9b31m{segment}?", en: "Recommend \\x9b31m{segment}?" }
            labels: { min: { fi: "ei \\e[5m", en: "no \\e[5m" }, max: { fi: "kyllä \\u202E", en: "yes \\u202E" } }
          - id: reason
            type: text
            optional: true
            text: { fi: "Miksi?", en: "Why?" }
          - id: channel
            type: choice
            text: { fi: "Kanava?", en: "Channel?" }
            options:
              - { code: phone, text: { fi: "Puhelin \\e[31m", en: "Phone \\e[31m" } }
              - { code: mail, text: { fi: Posti, en: Mail } }
        alerts:
          - when: "nps <= 6"
            reason: "Detractor \\e[41m call back \\u202E"
        outro: { fi: "Kiitos \\x9b2J", en: "Thanks \\x9b2J" }
        """

    let store: TestStore
    var dir: TemporaryDirectory { store.dir }
    var db: AppDatabase { store.db }
    let clock = TestClock(ConsoleTests.mondayMorning)

    init() throws {
        store = try TestStore()
        let dir = store.dir, db = store.db
        let campaign = try Campaign.make(id: "c", scriptFile: try dir.write("hostile.yaml", Self.script),
                                         client: "ACME \u{1B}[2J Oy", title: nil, fields: ["segment"],
                                         rules: CampaignRules(), now: clock.now)
        try db.createCampaign(campaign, actor: "tester")
        let (clear, title, csi, override) = (TerminalSafety.clear, TerminalSafety.title, TerminalSafety.csi, TerminalSafety.override)
        let list = try dir.write("list.csv", """
            phone,name,first_name,language,segment,note\(clear)
            040 111 1111,Matti \(clear)Meikäläinen,Matti\(title),fi,gold\(csi),\(override)gnp.exe
            040 111 1112,Liisa \(override)Lahti,Liisa,fi,silver\(clear),x
            """)
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: db).importFile(list, into: "c", options: options, now: clock.now)
    }

    /// Runs a console session over `inputs` and returns its transcript.
    func session(_ inputs: [String]) throws -> String {
        let output = ConsoleOutput.recording()
        let clock = self.clock
        let console = try Console(database: db, campaignID: "c", agent: "liisa",
                                  reader: ScriptedLineReader(inputs.map { .line($0) }, output: output),
                                  output: output, interactive: false, clock: { clock.now })
        try console.run()
        return output.transcript
    }

    /// An interview with hostile answers and notes, then a no-answer with a hostile note.
    func workTheCalls() throws -> String {
        let answer = "It was \(TerminalSafety.clear)bad \(TerminalSafety.override)"
        return try session(["a", "3", "/note \(TerminalSafety.title)", answer, "1", "n ei vastaa \(TerminalSafety.clear)", "q"])
    }

    @Test func consoleCardPromptsAnswersAndAlerts() throws {
        let transcript = try workTheCalls()
        #expect(!TerminalSafety.hasUnsafeScalars(transcript))
        #expect(transcript.contains("name:      Matti ?[2JMeikäläinen"))
        #expect(transcript.contains("segment:   gold?31m"))
        #expect(transcript.contains("Hei Matti?]0;pwned?"))
        #expect(transcript.contains("Suosittelisitko 31mgold31m?")) // the prompt drops controls outright
        #expect(transcript.contains("0–10  (0 ei ?[5m … 10 kyllä ?)"))
        #expect(transcript.contains("✓ saved It was [2Jbad ?")) // what the agent typed is stored without controls
        #expect(transcript.contains("1 Puhelin ?[31m"))
        #expect(transcript.contains("⚑ follow-up created: NPS 3 — Detractor ?[41m call back ?"))
        #expect(transcript.contains("Kiitos ?2J"))
        // The next day the second contact's card shows the earlier call's note.
        clock.now += 24 * 3600
        let card = try session(["q"])
        #expect(!TerminalSafety.hasUnsafeScalars(card))
        #expect(card.contains("ei vastaa ?[2J") && card.contains("Liisa ?Lahti"))
    }

    @Test func followUpListing() throws {
        _ = try workTheCalls()
        let details = try db.followUps(campaignID: "c", openOnly: false)
        let text = FollowUpReport.render(details, context: try FollowUpContext(database: db, campaignIDs: ["c"]), now: clock.now)
            .joined(separator: "\n")
        #expect(!TerminalSafety.hasUnsafeScalars(text))
        #expect(text.contains("call:     Matti ?[2JMeikäläinen"))
        #expect(text.contains("trigger:  Detractor ?[41m call back ?"))
        #expect(text.contains("words:    reason: It was [2Jbad ?"))
    }

    @Test func statsByAFieldAndTheDashboard() throws {
        _ = try workTheCalls()
        let snapshot = try StatsSnapshot.load(database: db, campaignID: "c", breakdownField: "segment", now: clock.now)
        let text = StatsDashboard(width: 100, allRates: false, timeZone: TimeZone(identifier: "Europe/Helsinki")!).render(snapshot)
        #expect(!TerminalSafety.hasUnsafeScalars(text))
        #expect(text.contains("gold?31m") && text.contains("ACME ?[2J Oy") && text.contains("Evil ?[2J title"))
    }

    @Test func campaignShowAndScriptOutline() throws {
        let campaign = try db.campaign(id: "c")
        let text = CampaignReport.render(campaign: campaign, counts: try db.contactCounts(campaignID: "c", now: clock.now),
                                         script: try campaign.loadScript())
        #expect(!TerminalSafety.hasUnsafeScalars(text))
        #expect(text.contains("Campaign c: Evil ?[2J title"))
        #expect(text.contains("script: hostile?[2J (copied from"))
        #expect(text.contains("Recommend ?31m{segment}?"))
        #expect(text.contains("when nps <= 6: Detractor ?[41m call back ?"))
    }

    @Test func csvShownOnATerminal() throws {
        let writer = try CSVWriter(path: dir.file("shown.csv"))
        writer.sanitizesText = true // what `export` and `followups export` do when stdout is a terminal
        try writer.writeRow(texts: ["Matti \(TerminalSafety.clear)", "\(TerminalSafety.override)x\ny"])
        try writer.finish()
        let text = try String(contentsOfFile: dir.file("shown.csv"), encoding: .utf8)
        #expect(text == "Matti ?[2J,\"?x\ny\"\r\n")
    }

    @Test func errorsQuotingTheFile() throws {
        let importer = CallListImporter(database: db)
        let bad = try dir.write("bad.csv", "name\(TerminalSafety.clear),x\(TerminalSafety.override)\nA,B\n")
        let error = try #require(throws: ImportError.self) {
            try importer.importFile(bad, into: "c", options: .init(), now: clock.now)
        }
        #expect(!TerminalSafety.hasUnsafeScalars(try #require(error.errorDescription)))
        #expect(error.errorDescription?.contains("(name?[2j, x?)") == true)
        let script = try dir.write("bad.yaml", "id: t\ntitle: T\nlanguages: [en]\nquestions:\n  - { id: a, type: \"\\e[2J\\u202E\", text: A }\n")
        let problems = try #require(throws: ScriptError.self) { try InterviewScript.load(contentsOf: URL(fileURLWithPath: script)) }
        #expect(!TerminalSafety.hasUnsafeScalars(try #require(problems.errorDescription)))
        #expect(problems.errorDescription?.contains("unknown question type '?[2J?'") == true)
    }
}

/// `Terminal.sanitize` itself: every kind of control becomes a visible `?`.
@Suite struct TerminalSanitizeTests {
    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[H", "?[2J?[H"), ("\u{1B}]0;title\u{07}", "?]0;title?"), ("\u{9B}31m", "?31m"),
        ("\u{202E}gnp.exe", "?gnp.exe"), ("a\u{2066}b\u{2069}\u{200F}", "a?b??"), ("line\u{2028}sep", "line?sep"),
        ("tab\there\r\n", "tab here? "), ("ok äöå 😀", "ok äöå 😀"),
        // Invisible characters that hide or reorder what is shown: a byte-order mark inside a field,
        // zero-width space, word joiner, invisible operators, interlinear annotation. ZWJ stays (emoji).
        ("\u{FEFF}040 123", "?040 123"), ("04\u{200B}0", "04?0"), ("a\u{2060}b\u{2064}", "a?b?"),
        ("\u{FFF9}x\u{FFFB}", "?x?"), ("👩\u{200D}💻", "👩\u{200D}💻"),
    ])
    func sanitizeReplacesEveryControl(_ raw: String, _ shown: String) {
        #expect(Terminal.sanitize(raw) == shown)
        #expect(!TerminalSafety.hasUnsafeScalars(Terminal.sanitize(raw, singleLine: false)) || raw.contains("\t"))
    }
}
