import Foundation
import Testing
@testable import CallPulseCallList

@Suite struct PhoneNormalizerTests {
    static let finland = try! PhoneNormalizer(defaultRegion: "FI")
    static let sweden = try! PhoneNormalizer(defaultRegion: "SE")

    @Test(arguments: [
        // Finnish mobiles, as clients write them
        ("040 123 4567", "+358401234567", "FI", true),
        ("+358 40 123 4567", "+358401234567", "FI", true),
        ("0401234567", "+358401234567", "FI", true),
        ("+358-40-1234567", "+358401234567", "FI", true),
        ("  050 765 4321\t", "+358507654321", "FI", true),
        ("00358 40 123 4567", "+358401234567", "FI", true),
        // Finnish landlines: Helsinki, Tampere; Åland has its own region
        ("09 1234 567", "+35891234567", "FI", false),
        ("03 123 4567", "+35831234567", "FI", false),
        ("018 12345", "+3581812345", "AX", false),
        // International numbers with a country code, whatever the default region
        ("+46 70 123 45 67", "+46701234567", "SE", true),
        ("+44 20 7946 0958", "+442079460958", "GB", false),
        ("+1 212 555 0123", "+12125550123", "US", false),
    ])
    func validNumbersInFinland(raw: String, e164: String, region: String, isMobile: Bool) throws {
        let number = try #require(Self.finland.parse(raw).number)
        #expect(number.e164 == e164)
        #expect(number.region == region)
        #expect(number.isMobile == isMobile)
    }

    @Test(arguments: [
        ("070-123 45 67", "+46701234567", true),
        ("+46 70 123 45 67", "+46701234567", true),
        ("08-123 456 78", "+46812345678", false),
    ])
    func validNumbersInSweden(raw: String, e164: String, isMobile: Bool) throws {
        let number = try #require(Self.sweden.parse(raw).number)
        #expect(number.e164 == e164)
        #expect(number.region == "SE")
        #expect(number.isMobile == isMobile)
    }

    @Test func displayForms() throws {
        let number = try #require(Self.finland.parse("040 123 4567").number)
        #expect(number == PhoneNumber(e164: "+358401234567", region: "FI", international: "+358 40 1234567",
                                      national: "040 1234567", isMobile: true))
    }

    @Test func displayFormsCanBeSkipped() throws {
        let number = try #require(Self.finland.parse("09 1234 567", displayForms: false).number)
        #expect(number == PhoneNumber(e164: "+35891234567", region: "FI", international: "", national: "", isMobile: false))
    }

    @Test(arguments: [
        ("", "empty phone number"),
        ("   ", "empty phone number"),
        ("abc", "'abc' is not a phone number"),
        ("123", "'123' is not a valid phone number for FI"),
        ("040 12", "'040 12' is not a valid phone number for FI"),
        (" 040 12 ", "'040 12' is not a valid phone number for FI"),
        ("+999 123", "'+999 123' is not a valid phone number"),
        (String(repeating: "1", count: 65), "'11111111111111111111…' is too long to be a phone number (over 64 characters)"),
    ])
    func invalidNumbers(raw: String, reason: String) {
        guard case let .invalid(actual) = Self.finland.parse(raw) else {
            Issue.record("'\(raw)' parsed as valid")
            return
        }
        #expect(actual == reason)
    }

    @Test func regionCodeIsCaseInsensitive() throws {
        #expect(try PhoneNormalizer(defaultRegion: "fi").defaultRegion == "FI")
    }

    @Test(arguments: ["ZZ", "XX", "FIN", "", "1"])
    func unknownRegionIsRejected(region: String) {
        #expect(throws: UnknownRegionError(region: region)) {
            try PhoneNormalizer(defaultRegion: region)
        }
    }

    @Test(arguments: [
        ("FI", "Europe/Helsinki"), ("AX", "Europe/Mariehamn"), ("SE", "Europe/Stockholm"),
        ("NO", "Europe/Oslo"), ("GB", "Europe/London"), ("fi", "Europe/Helsinki"),
    ])
    func singleZoneRegions(region: String, zone: String) {
        #expect(PhoneNormalizer.timeZone(forRegion: region) == zone)
    }

    @Test(arguments: ["US", "RU", "CA", "AU", "BR", "ES", "PT", "ZZ"])
    func multiZoneRegionsHaveNoZone(region: String) {
        #expect(PhoneNormalizer.timeZone(forRegion: region) == nil)
    }

    @Test func everyZoneInTheTableExists() {
        for (region, zone) in PhoneNormalizer.singleZoneRegions {
            #expect(TimeZone(identifier: zone) != nil, "\(region) → \(zone)")
        }
    }

    @Test func usableFromSeveralThreads() async {
        let normalizer = Self.finland
        let results = await withTaskGroup(of: String?.self) { group in
            for i in 0..<8 {
                group.addTask { normalizer.parse("040 123 456\(i)").number?.e164 }
            }
            return await group.reduce(into: Set<String?>()) { $0.insert($1) }
        }
        #expect(results == Set((0..<8).map { "+35840123456\($0)" }))
    }
}

/// Letters in a number (issue 12): libphonenumber drops up to two and reads three or more as a
/// vanity number, so a letter O typed for a zero dialled a stranger; such input is refused.
@Suite struct PhoneNormalizerLetterTests {
    static let finland = try! PhoneNormalizer(defaultRegion: "FI")

    @Test(arguments: [
        ("040 l500125", "'040 l500125' has a letter in it ('l')"),
        ("040 5OO 0113", "'040 5OO 0113' has a letter in it ('O')"),
        ("+358 4O5 000 112", "'+358 4O5 000 112' has a letter in it ('O')"),
        ("1-800-FLOWERS", "'1-800-FLOWERS' has letters in it ('F', 'L', 'O', 'W', 'E', 'R', 'S')"),
        ("040 12\u{0417} 4567", "has a letter in it ('\u{0417}')"),
        ("040 123 4567 extension 5", "has letters in it ('e', 'x', 't', 'n', 's', 'i', 'o')"),
        ("x040 123 4567", "has a letter in it ('x')"),
        ("tel:+358401234567", "has letters in it ('t', 'e', 'l')"),
    ])
    func aLetterAmongDigitsIsRefused(raw: String, reason: String) {
        guard case let .invalid(message) = Self.finland.parse(raw) else {
            Issue.record("'\(raw)' was read as \(String(describing: Self.finland.parse(raw).number?.e164))")
            return
        }
        #expect(message.contains(reason), "\(message)")
        #expect(message.hasSuffix("write the number in digits (an extension may follow 'ext', 'x' or '#')"))
    }

    @Test(arguments: ["040 123 4567 ext 12", "040 123 4567 ext. 12", "040 123 4567 x12", "040 123 4567 X 12",
                      "040 123 4567#12", "040 123 4567;ext=12", "040 123 4567 extn 9"])
    func anExtensionMayFollowTheNumber(raw: String) {
        #expect(Self.finland.parse(raw).number?.e164 == "+358401234567")
    }

    @Test func textWithoutDigitsOrWithControlsKeepsItsOwnReason() {
        #expect(Self.finland.parse("abc") == .invalid(reason: "'abc' is not a phone number"))
        #expect(Self.finland.parse("0451234567\u{1B}[31m") == .invalid(reason: "'0451234567\u{1B}[31m' is not a phone number"))
    }
}
