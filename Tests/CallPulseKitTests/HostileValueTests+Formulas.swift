import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// Formula starts a spreadsheet may read outside ASCII.
extension HostileValueTests {
    @Test(arguments: ["＝1+1", "＋358", "－2", "＠SUM(A1)", "\u{202E}=1+1", "\u{200B}=cmd"])
    func aFullwidthOrHiddenFormulaStartIsGuarded(_ text: String) throws {
        #expect(CSVWriter.startsLikeFormula(text))
    }

    @Test(arguments: ["Hyvä", "Ääni", "１２３", "=1"])
    func ordinaryTextOutsideASCIIIsNotGuarded(_ text: String) {
        #expect(!CSVWriter.startsLikeFormula(text))
    }
}
