import Foundation
import GRDB
import Testing
@testable import CallPulseCommands
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseSQLite
@testable import CallPulseStore
@testable import CallPulseSystem

/// `forget`, `campaign close --purge-pii`, `dnc` and `audit` through the built binary, on the export fixture.
@Suite struct PrivacyEndToEndTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    func run(_ arguments: [String], user: String = "dpo") throws -> CommandResult {
        try CallPulseBinary.run(arguments + ["--db", fixture.db.path], environment: ["USER": user])
    }

    @Test func forget() throws {
        let bad = try run(["forget", "040 12"])
        #expect(bad.status != 0 && bad.stderr.contains("'040 12' is not a valid phone number for FI"))
        // The shell splits an unquoted spaced number into words: refused with the quoted form, and
        // two numbers are never taken as one person.
        let spaced = try run(["forget", "040", "111", "1111"])
        #expect(spaced.status != 0 && spaced.stderr.contains("a number written with spaces must be quoted: \"040 111 1111\""))
        let two = try run(["forget", "+358401111111", "+358402222222"])
        #expect(two.status != 0 && two.stderr.contains("forget erases one person at a time: give one number, not 2 words"))
        let nobody = try run(["forget", "+358409999999"])
        #expect(nobody.status == 0 && nobody.stdout.contains("No personal data held for +358409999999"))

        try fixture.db.write {
            try $0.execute(sql: "UPDATE contact SET leaseAgent = 'liisa', leaseUntil = ? WHERE id = 3", arguments: [unixNow() + 120])
        }
        let inCall = try run(["forget", "040 333 3333"])
        #expect(inCall.status != 0 && inCall.stderr.contains("agent liisa holds contact #3 of campaign c"))
        #expect(inCall.stderr.contains("nothing was erased"))

        let done = try run(["forget", "040 111 1111"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Erased the personal data of +358401111111 in 1 campaign:\n  c  contact #1\n"))
        #expect(done.stdout.contains("Added +358401111111 to the do-not-call list"))
        #expect(done.stdout.contains("Write-ahead log checkpointed and truncated"))
        let audit = try run(["audit", "--limit", "2"])
        #expect(audit.stdout.contains("dpo  erase    contact 1"))
    }

    @Test func closeWithPurge() throws {
        let refused = try run(["campaign", "close", "c", "--purge-pii"])
        #expect(refused.status != 0 && refused.stderr.contains("campaign c has 3 open follow-ups"))
        for id in 1...3 { #expect(try run(["followups", "resolve", String(id), "--note", "soitettu"]).status == 0) }
        let before = try run(["export", "c", "--no-pii"]).stdout
        let purged = try run(["campaign", "close", "c", "--purge-pii"])
        #expect(purged.status == 0, "\(purged.stderr)")
        #expect(purged.stdout.hasPrefix("Campaign c is closed.\nErased the personal data of 3 contacts of c: "))
        let after = try run(["export", "c", "--no-pii"]).stdout
        #expect(after.components(separatedBy: "\r\n").count == before.components(separatedBy: "\r\n").count)
        #expect(after.contains(",2,(erased),DK,1,1\r\n"))
        let stats = try run(["stats", "c", "--json"])
        #expect(stats.status == 0 && stats.stdout.contains("\"status\" : \"closed\""))
        let audit = try run(["audit", "--campaign", "c", "--limit", "2"])
        #expect(audit.stdout.contains("close      campaign c") && audit.stdout.contains("purge-pii  campaign c  erasing the personal data of 3 contacts"))
    }

    @Test func doNotCallList() throws {
        let bad = try run(["dnc", "add", "040 12", "050 123 4567"])
        #expect(bad.status != 0 && bad.stderr.contains("'040 12' is not a valid phone number for FI") && bad.stderr.contains("nothing was changed"))
        let add = try run(["dnc", "add", "050 123 4567", "+46701234567", "--reason", "asked by email"])
        #expect(add.status == 0 && add.stdout == "Added 2 numbers to the do-not-call list: +358501234567, +46701234567.\n")
        let again = try run(["dnc", "add", "0501234567"])
        #expect(again.stdout == "+358501234567 was on the list already.\n")
        let remove = try run(["dnc", "remove", "+46701234567", "040 999 9999"])
        #expect(remove.stdout == "Removed 1 number from the do-not-call list: +46701234567.\n+358409999999 was not on the list.\n")

        let badFile = try fixture.dir.write("bad.txt", "040 111 1111\n040 12\n050 222 2222\n")
        let rejected = try run(["dnc", "import", badFile])
        #expect(rejected.status != 0 && rejected.stderr.contains("bad.txt:2: '040 12' is not a valid phone number for FI"))
        #expect(rejected.stderr.contains("nothing was imported"))
        let file = try fixture.dir.write("dnc.csv", "puhelin;syy\n040 111 1111;soitti\n050 123 4567;\n040 111 1111;\n")
        let imported = try run(["dnc", "import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 numbers read, 1 added, 1 on the list already, 1 repeated in the file."))

        let list = try run(["dnc", "list"])
        #expect(list.stdout.contains("+358401111111") && list.stdout.hasSuffix("2 numbers on the do-not-call list.\n"))
        let json = try run(["dnc", "list", "--json"])
        #expect(json.stdout.hasPrefix("[\n  {\n    \"added\" : ") && json.stdout.contains("\"reason\" : \"asked by email\""))
        let audit = try run(["audit"])
        #expect(audit.stdout.contains("dnc-remove  phone +46701234567"))
    }

    @Test func auditOutputIsSanitizedAndChecked() throws {
        #expect(try run(["campaign", "pause", "c"], user: "ma\u{1B}[2Jija").status == 0)
        let audit = try run(["audit", "--campaign", "c", "--since", "2020-01-01"])
        #expect(audit.status == 0 && !audit.stdout.contains("\u{1B}") && audit.stdout.contains("ma?[2Jija  pause"))
        #expect(audit.stdout.contains("times in Europe/Helsinki."))
        let badSince = try run(["audit", "--since", "yesterday"])
        #expect(badSince.status != 0 && badSince.stderr.contains("--since 'yesterday' is not a date"))
        let badLimit = try run(["audit", "--limit", "0"])
        #expect(badLimit.status != 0 && badLimit.stderr.contains("--limit must be 1 or more, not 0"))
        let unknown = try run(["audit", "--campaign", "nope"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no campaign 'nope'"))
    }
}
