import Foundation
import Testing
@testable import CallPulseKit

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

    @Test func unknownCampaignIsNamed() throws {
        let dir = try TemporaryDirectory()
        _ = try AppDatabase.open(path: dir.file("cp.sqlite"))  // stats reads an existing database only
        let result = try CallPulseBinary.run(["stats", "nope", "--db", dir.file("cp.sqlite")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no campaign 'nope'"))
    }
}
