import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore

/// A number answer of 400 nines (issue 12, item 5) through the console.
extension HostileEndToEndTests {
    /// A campaign `n` on a script with a number question, callable at any hour, with one contact.
    func numberCampaign() throws {
        let script = try dir.write("numbers.yaml", """
            id: numbers
            title: Numerot
            languages: [en]
            questions:
              - { id: spend, type: number, text: How much did you spend? }
              - { id: why, type: text, text: Why? }
            """)
        let create = try run(["campaign", "create", "n", "--script", script, "--client", "C",
                              "--weekdays", "00-24", "--saturday", "00-24", "--sunday", "00-24"])
        #expect(create.status == 0, "\(create.stderr)")
        let list = try dir.write("n.csv", "phone,name\n040 123 4567,Matti\n")
        #expect(try run(["import", "n", list]).status == 0)
    }

    @Test func fourHundredNinesAreAskedAgainAndTheInterviewGoesOn() throws {
        try numberCampaign()
        let nines = String(repeating: "9", count: 400)
        let result = try run(["agent", "n", "--agent", "liisa"], stdin: "a\n\(nines)\n-\(nines),5\n12,5\nhinta\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "enter a number from -1000000000000000 to 1000000000000000").count == 3,
                "\(result.stdout)")
        #expect(result.stdout.contains("✓ Interview complete (AAPOR 1.1): 2 answers saved."), "\(result.stdout)")
        #expect(!result.stdout.contains("could not"))
        let store = try AppDatabase.open(path: db)
        let values = try store.read { try String.fetchAll($0, sql: "SELECT value FROM answer ORDER BY id") }
        #expect(values == ["12.5", "\"hinta\""])
    }

    @Test func aBreakAfterTheNinesEndsTheCallAndFreesTheContact() throws {
        try numberCampaign()
        let nines = String(repeating: "9", count: 400)
        let result = try run(["agent", "n", "--agent", "liisa"], stdin: "a\n\(nines)\n/break\n")
        #expect(result.status == 0, "\(result.stderr)")
        let store = try AppDatabase.open(path: db)
        let leased = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contact WHERE leaseAgent IS NOT NULL") }
        #expect(leased == 0)
        let statuses = try store.read { try String.fetchAll($0, sql: "SELECT status FROM interview") }
        #expect(statuses == ["brokenOff"])
    }
}
