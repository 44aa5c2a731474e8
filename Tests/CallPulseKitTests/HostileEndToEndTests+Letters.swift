import Foundation
import GRDB
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// Letters in numbers on the command line and in do-not-call files (issue 12, item 4).
extension HostileEndToEndTests {
    @Test(arguments: [["dnc", "add", "040 l500125"], ["dnc", "add", "+358 4O5 000 112"], ["forget", "040 5OO 0113"]])
    func aNumberWithALetterIsRefusedOnTheCommandLine(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("has a letter in it"), "\(result.stderr)")
        let list = try run(["dnc", "list"])
        #expect(!list.stdout.contains("+358"))
    }

    @Test func aDoNotCallFileWithALetterIsRefusedWhole() throws {
        let file = try dir.write("dnc.txt", "040 123 4567\n040 5OO 0113\n")
        let result = try run(["dnc", "import", file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("has a letter in it ('O')"), "\(result.stderr)")
        let list = try run(["dnc", "list"])
        #expect(!list.stdout.contains("+358401234567"))
    }

    @Test func aSpacedNumberUnquotedSaysToQuoteIt() throws {
        let result = try run(["dnc", "add", "040", "123", "4567"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("a number written with spaces must be quoted: \"040 123 4567\""), "\(result.stderr)")
        let quoted = try run(["dnc", "add", "040 123 4567"])
        #expect(quoted.status == 0 && quoted.stdout.contains("+358401234567"), "\(quoted.stderr)")
    }
}
