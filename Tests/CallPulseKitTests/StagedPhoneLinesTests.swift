import CallPulseStore
import Testing
@testable import CallPulseKit

/// The import's in-memory check for numbers the file repeats, with a store that stages everything
/// but the numbers it is told are taken.
struct StagedPhoneLinesTests {
    static func contact(_ phone: String, line: Int) -> StagedContact {
        StagedContact(phone: phone, region: "FI", name: nil, firstName: nil, lastName: nil, language: nil,
                      timeZone: nil, fieldsJSON: nil, line: line)
    }

    @Test func repeatsNameTheLineThatStagedTheNumberAcrossBatches() {
        var lines = StagedPhoneLines()
        var sent: [[Int]] = []
        func stage(_ batch: [StagedContact]) -> [StagedContact.Outcome] {
            lines.stage(batch) { contacts in
                sent.append(contacts.map(\.line))
                return contacts.map { $0.phone == "+358401000009" ? .duplicateInCampaign : .staged }
            }
        }
        let first = stage([Self.contact("+358401000001", line: 2), Self.contact("+358401000009", line: 3),
                           Self.contact("+358401000001", line: 4), Self.contact("+358401000009", line: 5)])
        #expect(first == [.staged, .duplicateInCampaign, .duplicateInFile(line: 2), .duplicateInCampaign])
        let second = stage([Self.contact("+358401000001", line: 6), Self.contact("+358401000009", line: 7),
                            Self.contact("+358401000002", line: 8)])
        #expect(second == [.duplicateInFile(line: 2), .duplicateInCampaign, .staged])
        // The store saw each number once a batch, and never one staged before.
        #expect(sent == [[2, 3], [7, 8]])
        #expect(stage([Self.contact("+358401000001", line: 9)]) == [.duplicateInFile(line: 2)])
        #expect(sent.count == 2)
    }

    @Test(arguments: ["+358401000001", "+1", "+999999999999999999", "+1234567890123456789", "not e164", "+35840 1", ""])
    func anyTextIsKeptAndFound(_ phone: String) {
        var lines = StagedPhoneLines()
        #expect(lines.line(of: phone) == nil)
        lines.insert(phone, line: 7)
        #expect(lines.line(of: phone) == 7)
        lines.insert(phone + "0", line: Int(UInt32.max) + 5)
        #expect(lines.line(of: phone + "0") == Int(UInt32.max) + 5)
        #expect(lines.line(of: phone) == 7)
    }

    @Test func numbersWithTheSameDigitsButOtherTextAreApart() {
        var lines = StagedPhoneLines()
        lines.insert("+358401000001", line: 2)
        #expect(lines.line(of: "+358401000001") == 2)
        #expect(lines.line(of: "358401000001") == nil)
        #expect(lines.line(of: "+3584010000010") == nil)
        lines.insert("+1", line: 3)
        #expect(lines.line(of: "+01") == nil)
        #expect(lines.line(of: "+1") == 3)
    }

    /// The table behind it keeps every key with its last line through many doublings, and finds
    /// no key it was not given (keys that share their hash's high bits included).
    @Test func theDigitTableKeepsEveryKeyThroughItsGrowth() {
        var table = DigitLineTable()
        var model: [UInt64: UInt32] = [:]
        var random = SystemRandomNumberGenerator()
        for index in 0..<200_000 {
            let key = index % 3 == 0 ? UInt64(index + 1) << 40 : UInt64.random(in: 1...999_999_999_999_999, using: &random)
            let line = UInt32(index)
            table[key] = line
            model[key] = line
        }
        table[model.keys.first!] = 7
        model[model.keys.first!] = 7
        #expect(table.count == model.count)
        #expect(model.allSatisfy { table[$0.key] == $0.value })
        #expect((1...1_000).allSatisfy { table[UInt64($0) * 2 + 1_000_000_000_000_001] == model[UInt64($0) * 2 + 1_000_000_000_000_001] })
    }
}
