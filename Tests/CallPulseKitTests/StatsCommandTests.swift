import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// `callpulse stats` through the built binary: the JSON document's shape and watch mode off a terminal.
@Suite(.serialized) struct StatsCommandTests {
    /// Two contacts; a piped console completes one interview (NPS 3) and records a no-answer.
    static func setUp(in dir: TemporaryDirectory) throws -> String {
        let db = try ConsoleEndToEndTests.setUp(contacts: 2, in: dir)
        let agent = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                            stdin: "a\n3\nJonotus\n2\n1\nk\nn\n")
        #expect(agent.status == 0, "\(agent.stderr)")
        return db
    }

    @Test func jsonHasTheDocumentedShapeAndDecodes() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(in: dir)
        let result = try CallPulseBinary.run(["stats", "--json", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let campaign = try #require((object?["campaigns"] as? [[String: Any]])?.first)
        #expect(Set(campaign.keys) == ["agents", "campaign", "followUps", "generatedAt", "progress", "rates", "scores", "trend"])
        let rates = try #require((campaign["rates"] as? [String: Any])?["values"] as? [String: Any])
        #expect(Set(rates.keys) == Set(OutcomeRates.names))
        let document = try JSONDecoder().decode(StatsDocument.self, from: Data(result.stdout.utf8))
        let snapshot = try #require(document.campaigns.first)
        #expect(snapshot.progress.completes == 1 && snapshot.progress.loaded == 2)
        #expect(snapshot.scores.nps?.score == -100 && snapshot.scores.nps?.n == 1)
        #expect(snapshot.followUps.open == 3)
        #expect(snapshot.rates.counts == DispositionCounts(I: 1, UH: 1))
        #expect(result.stdout.contains("\"RR1\" : 0.5"))
        // The yes/no question's frequencies: the one detractor agreed to be contacted.
        let scores = try #require(campaign["scores"] as? [String: Any])
        let choices = try #require(scores["choices"] as? [[String: Any]])
        #expect(choices.first?["questionId"] as? String == "may_contact" && choices.first?["n"] as? Int == 1)
        #expect(snapshot.scores.choices.first?.options.map(\.count) == [1, 0])
    }

    @Test func watchPrintsOneSnapshotWhenNotATerminal() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(in: dir)
        let text = try CallPulseBinary.run(["stats", "c", "--watch", "1", "--by", "touchpoint", "--db", db])
        #expect(text.status == 1) // no touchpoint column in this list
        #expect(text.stderr.contains("--by 'touchpoint': campaign c has no contact field of that name"))
        let watch = try CallPulseBinary.run(["stats", "c", "--watch", "1", "--db", db])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stdout.components(separatedBy: "PROGRESS").count == 2)
        #expect(!watch.stdout.contains("\u{1B}"))
        let json = try CallPulseBinary.run(["stats", "--watch", "--json", "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try JSONDecoder().decode(StatsDocument.self, from: Data(json.stdout.utf8)).campaigns.count == 1)
    }

    /// METRICS.md's NPS example through the real path: 10 detractors, 6 passives and 4 promoters
    /// answered in the piped console; `stats` (text and JSON) and the report state the adjusted-Wald
    /// interval −57.9 … +5.7, centred on the adjusted NPS (not −30 ± 31.8 = −61.8 … +1.8).
    @Test func theNPSIntervalIsCentredOnTheAdjustedScore() throws {
        let dir = try TemporaryDirectory()
        let db = try ConsoleEndToEndTests.setUp(contacts: 20, in: dir)
        var input = ""
        for _ in 0..<10 { input += "a\n3\nJonotus\n3\n4\ne\n" }
        for _ in 0..<6 { input += "a\n7\nOk\n4\n4\n" }
        for _ in 0..<4 { input += "a\n9\nHyvä\n5\n5\n" }
        let agent = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: input)
        #expect(agent.status == 0, "\(agent.stderr)")
        let json = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        let nps = try #require(try JSONDecoder().decode(StatsDocument.self, from: Data(json.stdout.utf8)).campaigns.first?.scores.nps)
        #expect(nps.n == 20 && nps.score == -30 && nps.shownMarginOfErrorMethod == "adjusted-wald")
        #expect(nps.intervalLow.map { String(format: "%.1f", $0) } == "-57.9")
        #expect(nps.intervalHigh.map { String(format: "%.1f", $0) } == "5.7")
        let text = try CallPulseBinary.run(["stats", "c", "--db", db])
        #expect(text.stdout.contains("NPS -30.0  95 % interval -57.9 … +5.7 (adjusted Wald)  n 20"), "\(text.stdout)")
        #expect(!text.stdout.contains("±"))
        let report = try CallPulseBinary.run(["report", "c", "--out", "-", "--language", "en", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("95 % interval −57.9 … +5.7 · n = 20"))
        let document = try ParsedReport.parse(report.stdout)
        #expect(document.number("nps", "data-low").map { String(format: "%.1f", $0) } == "-57.9")
        #expect(document.number("nps", "data-high").map { String(format: "%.1f", $0) } == "5.7")
    }

    @Test func unknownCampaignIsNamed() throws {
        let dir = try TemporaryDirectory()
        _ = try AppDatabase.open(path: dir.file("cp.sqlite"))  // stats reads an existing database only
        let result = try CallPulseBinary.run(["stats", "nope", "--db", dir.file("cp.sqlite")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no campaign 'nope'"))
    }
}
