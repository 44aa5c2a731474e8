import CallPulseTestSupport
import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// Quotas through the built binary: `campaign quota`, consoles with piped input, `stats`, on
/// both store engines with the same results.
@Suite(.serialized) struct QuotaEndToEndTests {
    /// One complete interview of the customer-service pulse (NPS 9), from the card's `a`.
    static let complete = ["a", "9", "Hyvä", "5", "5", "k"]

    /// A campaign that may call at any hour, with contacts whose `touchpoint` is each of `touchpoints`.
    static func setUp(_ touchpoints: [String], in dir: TemporaryDirectory, script: String? = nil,
                      engine: StoreEngine = .sqlite) throws -> String {
        let db = try engine.database(in: dir.path)
        let create = try CallPulseBinary.run([
            "campaign", "create", "c", "--script", script ?? Repository.path("Scripts/customer-service-pulse.yaml"),
            "--client", "ACME Oy", "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24", "--db", db,
        ])
        #expect(create.status == 0, "\(create.stderr)")
        var csv = "phone,first_name,language,touchpoint\n"
        for (index, touchpoint) in touchpoints.enumerated() { csv += "040 \(1_000_000 + index),Asiakas\(index),fi,\(touchpoint)\n" }
        let load = try CallPulseBinary.run(["import", "c", try dir.write("list.csv", csv), "--db", db])
        #expect(load.status == 0, "\(load.stderr)")
        return db
    }

    static func quota(_ arguments: [String], db: String) throws -> CommandResult {
        try CallPulseBinary.run(["campaign", "quota"] + arguments + ["--db", db])
    }

    /// The `quotas` of `stats --json`, by name.
    static func quotaFigures(db: String) throws -> [String: [String: Any]] {
        let result = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let campaign = (json?["campaigns"] as? [[String: Any]])?.first
        let quotas = campaign?["quotas"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: quotas.map { ($0["name"] as? String ?? "", $0) })
    }

    @Test(arguments: StoreEngine.available)
    func aFieldQuotaFillsStopsServingItsGroupAndTakesChangesAtTheNextClaim(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(["support", "support", "billing"], in: dir, engine: engine)
        let add = try Self.quota(["add", "c", "support", "--where", "touchpoint = \"support\"", "--target", "1"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Added quota support of c: touchpoint = support, target 1 complete (fields)."))

        let first = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                            stdin: (Self.complete + ["n"]).joined(separator: "\n") + "\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("✓ Interview complete (AAPOR 1.1)"))
        // Contact #2 is in the full group: the next contact served is #3, then nothing.
        #expect(first.stdout.contains("Contact #3") && !first.stdout.contains("Contact #2"), "\(first.stdout)")
        #expect(first.stdout.contains("Nothing to call now: quota full: touchpoint = support."), "\(first.stdout)")
        let stats = try CallPulseBinary.run(["stats", "c", "--db", db])
        #expect(stats.stdout.contains("quota full: touchpoint = support"), "\(stats.stdout)")
        let figures = try Self.quotaFigures(db: db)["support"]
        #expect(figures?["completes"] as? Int == 1 && figures?["full"] as? Bool == true && figures?["contactsLeft"] as? Int == 1)

        // Raised: the group is served again at the next claim.
        let raise = try Self.quota(["add", "c", "support", "--where", "touchpoint = support", "--target", "2"], db: db)
        #expect(raise.stdout.contains("Changed quota support of c"), "\(raise.stderr)")
        let second = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "q\n")
        #expect(second.stdout.contains("Contact #2"), "\(second.stdout)")

        // Lowered under the completes: stats says how many went over.
        _ = try Self.quota(["add", "c", "support", "--where", "touchpoint = support", "--target", "0"], db: db)
        #expect(try Self.quotaFigures(db: db)["support"]?["overTarget"] as? Int == 1)
        let removed = try Self.quota(["remove", "c", "support"], db: db)
        #expect(removed.status == 0 && removed.stdout.contains("Removed quota support of c."))
        let third = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "q\n")
        #expect(third.stdout.contains("Contact #2"), "\(third.stdout)")
        let actions = try engine.open(db).auditTrail(campaignID: "c", since: nil, limit: 50).map(\.action)
        #expect(actions.filter { $0.hasPrefix("quota-") } == ["quota-add", "quota-change", "quota-change", "quota-remove"])
    }

    @Test(arguments: StoreEngine.available)
    func anAnswerQuotaEndsTheInterviewAsQuotaFilled(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(["support", "support", "support"], in: dir, engine: engine)
        #expect(try Self.quota(["add", "c", "detractors", "--where", "nps <= 6", "--target", "1"], db: db).status == 0)
        let run = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                          stdin: "a\n3\nJonotus\n2\n1\nk\na\n4\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("✓ Interview complete (AAPOR 1.1)"))
        #expect(run.stdout.contains("Kiitos ajastanne! Tähän vastaajaryhmään on jo saatu tarpeeksi vastauksia"), "\(run.stdout)")
        #expect(run.stdout.contains("Interview ended (quota full: nps <= 6): case closed as quota filled (AAPOR 4.80), 1 answer saved."))
        let rows = try engine.rows("""
            SELECT i.disposition, c.disposition AS final FROM interview i JOIN contact c ON c.id = i.contactId ORDER BY i.id
            """, at: db)
        #expect(rows.map { $0[0] } == ["1.1", "4.80"])
        #expect(rows.map { $0[1] } == ["1.1", "4.80"])
        // The answer that filled the quota is kept.
        #expect(try engine.count("SELECT count(*) FROM answer WHERE interviewId = 2", at: db) == 1)
        let stats = try CallPulseBinary.run(["stats", "c", "--json", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let campaign = (json?["campaigns"] as? [[String: Any]])?.first
        let progress = campaign?["progress"] as? [String: Any]
        #expect(progress?["completes"] as? Int == 1 && progress?["ineligible"] as? Int == 1)
        let counts = (campaign?["rates"] as? [String: Any])?["counts"] as? [String: Any]
        #expect(counts?["I"] as? Int == 1 && counts?["NE"] as? Int == 1)
        #expect(try Self.quotaFigures(db: db)["detractors"]?["completes"] as? Int == 1)
    }

    @Test(arguments: StoreEngine.available)
    func thirtyTwoConsolesOnTheLastPlacesNeverOvershootMoreThanWasInProgress(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp((0..<128).map { $0 % 2 == 0 ? "support" : "billing" }, in: dir, engine: engine)
        let target = 6
        #expect(try Self.quota(["add", "c", "support", "--where", "touchpoint = support", "--target", "\(target)"], db: db).status == 0)
        let consoles = try (0..<32).map { index in
            try ConsoleProcess(["agent", "c", "--agent", "agent\(index)", "--db", db])
        }
        for console in consoles {
            for _ in 0..<3 { Self.complete.forEach(console.send) }
            console.closeInput()
        }
        consoles.forEach { $0.wait() }
        for console in consoles {
            #expect(console.process.terminationStatus == 0, "\(console.transcript.suffix(500))")
            #expect(!console.transcript.contains("could not"), "\(console.transcript.suffix(500))")
        }
        let completes = try engine.count("""
            SELECT count(*) FROM interview i JOIN contact c ON c.id = i.contactId
            WHERE i.status = 'complete' AND c.fields LIKE '%"touchpoint":"support"%'
            """, at: db)
        // A claimed contact counts as in progress from the claim, so when the group filled nothing
        // else of it was in progress: no complete can go over (the bound is 0 here).
        #expect(completes - target <= 0)
        #expect(completes == target)
        let figures = try Self.quotaFigures(db: db)["support"]
        #expect(figures?["completes"] as? Int == completes)
        #expect(figures?["overTarget"] as? Int == max(0, completes - target))
        #expect(figures?["inProgress"] as? Int == 0)
    }

    @Test(arguments: StoreEngine.available)
    func badDefinitionsAreRefusedWithAClearMessage(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(["support"], in: dir, engine: engine)
        let typo = try Self.quota(["add", "c", "support", "--where", "toucpoint = support", "--target", "3"], db: db)
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("quota support: 'toucpoint' is neither a question of the script nor a field of the call list "
                                     + "(fields: touchpoint, language)"), "\(typo.stderr)")
        let syntax = try Self.quota(["add", "c", "s", "--where", "touchpoint =", "--target", "3"], db: db)
        #expect(syntax.status != 0 && syntax.stderr.contains("quota s: 'touchpoint =' column 13: expected"), "\(syntax.stderr)")
        let target = try Self.quota(["add", "c", "s", "--where", "nps <= 6", "--target=-1"], db: db)
        #expect(target.status != 0 && target.stderr.contains("the target must be a whole number"), "\(target.stderr)")
        let missing = try Self.quota(["remove", "c", "nope"], db: db)
        #expect(missing.status != 0 && missing.stderr.contains("campaign c has no quota 'nope' (it has no quotas)"), "\(missing.stderr)")
        #expect(try engine.open(db).quotas(campaignID: "c").isEmpty)
    }

    @Test(arguments: StoreEngine.available)
    func aCampaignMadeFromAScriptWithQuotasGetsThem(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let base = try String(contentsOfFile: Repository.path("Scripts/customer-service-pulse.yaml"), encoding: .utf8)
        let good = try dir.write("q.yaml", base + "\nquotas:\n  - { name: support, where: touchpoint = support, target: 20 }\n")
        let db = try Self.setUp(["support"], in: dir, script: good, engine: engine)
        let list = try Self.quota(["list", "c"], db: db)
        #expect(list.stdout.contains("support") && list.stdout.contains("touchpoint = support"), "\(list.stdout)")
        let show = try CallPulseBinary.run(["campaign", "show", "c", "--db", db])
        #expect(show.stdout.contains("Quotas (callpulse campaign quota list c):"), "\(show.stdout)")
        let bad = try dir.write("bad.yaml", base + "\nquotas:\n  - { name: support, where: toucpoint = support, target: 20 }\n")
        let create = try CallPulseBinary.run(["campaign", "create", "d", "--script", bad, "--client", "ACME", "--field", "touchpoint",
                                              "--db", db])
        #expect(create.status != 0)
        let line = base.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        #expect(create.stderr.contains("bad.yaml:\(line): quota support: 'toucpoint' is neither a question"), "\(create.stderr)")
    }
}

extension QuotaEndToEndTests {
    @Test(arguments: StoreEngine.available)
    func theExportTheCodebookAndTheReportNameTheQuotaGroups(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(["support", "billing"], in: dir, engine: engine)
        let plain = dir.file("plain.csv")
        _ = try CallPulseBinary.run(["export", "c", "--out", plain, "--db", db])
        #expect(try !String(contentsOfFile: plain, encoding: .utf8).contains("quota_groups")) // no quotas, no column
        #expect(try Self.quota(["add", "c", "support", "--where", "touchpoint = support", "--target", "5"], db: db).status == 0)
        #expect(try Self.quota(["add", "c", "promoters", "--where", "nps >= 9", "--target", "5"], db: db).status == 0)
        let run = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                          stdin: (Self.complete + Self.complete).joined(separator: "\n") + "\n")
        #expect(run.status == 0 && run.stdout.contains("2 completes"), "\(run.stdout)")
        let out = dir.file("e.csv"), book = dir.file("book.csv")
        let export = try CallPulseBinary.run(["export", "c", "--out", out, "--codebook", book, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n")
        let header = rows[0].components(separatedBy: ",")
        let column = try #require(header.firstIndex(of: "quota_groups"))
        #expect(header[column - 1] == "disposition")
        #expect(rows[1].components(separatedBy: ",")[column] == "promoters support")
        #expect(rows[2].components(separatedBy: ",")[column] == "promoters")
        let codebook = try String(contentsOfFile: book, encoding: .utf8)
        #expect(codebook.contains("quota_groups,codes,\"the quotas whose groups the interview counted in"), "\(codebook)")
        #expect(codebook.contains("promoters: nps >= 9 (target 5); support: touchpoint = support (target 5)"))
        let html = dir.file("r.html")
        #expect(try CallPulseBinary.run(["report", "c", "--out", html, "--language", "en", "--db", db]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<section id=\"quotas\"><h2>Quotas</h2>"))
        #expect(page.contains("data-quota=\"support\" data-target=\"5\" data-completes=\"1\" data-in-progress=\"0\" data-over=\"0\""))
    }
}

extension QuotaEndToEndTests {
    @Test(arguments: StoreEngine.available)
    func aResumedInterviewIsCheckedAfreshAgainstItsAnswerQuotas(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(["support", "support"], in: dir, engine: engine)
        #expect(try Self.quota(["add", "c", "detractors", "--where", "nps <= 6", "--target", "1"], db: db).status == 0)
        // #1 enters the group and breaks off; #2 takes the place it left and completes.
        let first = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db],
                                            stdin: "a\n3\n/break\na\n4\nJono\n2\n1\nk\n")
        #expect(first.stdout.contains("Interview broken off") && first.stdout.contains("✓ Interview complete (AAPOR 1.1)"),
                "\(first.stdout)")
        try engine.execute("UPDATE contact SET nextCallAt = 0 WHERE id = 1", at: db)
        let resumed = try CallPulseBinary.run(["agent", "c", "--agent", "liisa", "--db", db], stdin: "a\n")
        #expect(resumed.stdout.contains("Resuming the interview"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Interview ended (quota full: nps <= 6): case closed as quota filled (AAPOR 4.80)"),
                "\(resumed.stdout)")
        #expect(try Self.quotaFigures(db: db)["detractors"]?["completes"] as? Int == 1)
    }
}

extension QuotaEndToEndTests {
    @Test(arguments: StoreEngine.available)
    func thirtyTwoConsolesAnsweringIntoOneAnswerGroupFillItExactly(_ engine: StoreEngine) throws {
        let dir = try TemporaryDirectory()
        let db = try Self.setUp(Array(repeating: "support", count: 40), in: dir, engine: engine)
        let target = 4
        #expect(try Self.quota(["add", "c", "detractors", "--where", "nps <= 6", "--target", "\(target)"], db: db).status == 0)
        let consoles = try (0..<32).map { index in
            try ConsoleProcess(["agent", "c", "--agent", "agent\(index)", "--db", db])
        }
        for console in consoles {
            // One detractor interview each; after a 4.80 the rest are not outcome keys, and q quits.
            ["a", "3", "Jono", "2", "1", "k", "q"].forEach(console.send)
            console.closeInput()
        }
        consoles.forEach { $0.wait() }
        for console in consoles {
            #expect(console.process.terminationStatus == 0, "\(console.transcript.suffix(500))")
        }
        let completes = try engine.count("SELECT count(*) FROM interview WHERE disposition = '1.1'", at: db)
        let filled = try engine.count("SELECT count(*) FROM interview WHERE disposition = '4.80'", at: db)
        #expect(completes == target)
        #expect(filled == 32 - target)
        let figures = try Self.quotaFigures(db: db)["detractors"]
        #expect(figures?["completes"] as? Int == target && figures?["overTarget"] as? Int == 0)
    }
}
