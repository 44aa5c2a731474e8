import CallPulseTestSupport
import Testing
@testable import CallPulseDomain

@Suite struct InterviewAnswerParserTests {
    static let pulse = InterviewTestSupport.pulse
    static let kinds = InterviewTestSupport.kinds

    static func parse(_ input: String, _ id: String, in script: InterviewScript = kinds, language: String = "fi")
        -> Result<AnswerValue, AnswerInputError>
    {
        AnswerParser.parse(input, for: script.question(id: id)!, language: language)
    }

    @Test(arguments: [
        ("7", "nps", AnswerValue.number(7)), (" 10 ", "nps", .number(10)), ("0", "nps", .number(0)),
        ("\t3\t", "ces", .number(3)), ("05", "csat", .number(5)), ("7", "effort", .number(7)),
    ])
    func scalesTakeWholeNumbersInRange(_ input: String, _ id: String, _ expected: AnswerValue) {
        let script = ["nps", "ces", "csat"].contains(id) ? Self.pulse : Self.kinds
        #expect(Self.parse(input, id, in: script) == .success(expected))
    }

    @Test(arguments: [("11", "nps", 0...10), ("-1", "nps", 0...10), ("7.5", "nps", 0...10), ("7,0", "csat", 1...5),
                      ("0", "csat", 1...5), ("six", "ces", 1...5), ("8", "effort", 1...7)])
    func scalesRejectOthers(_ input: String, _ id: String, _ range: ClosedRange<Int>) {
        let script = id == "effort" ? Self.kinds : Self.pulse
        #expect(Self.parse(input, id, in: script) == .failure(.notWholeNumber(input, range: range)))
    }

    @Test func scaleMessageNamesValueAndRange() {
        #expect(AnswerInputError.notWholeNumber("11", range: 0...10).message == "'11': enter a whole number from 0 to 10")
    }

    @Test(arguments: [
        ("4,5", "minutes", 4.5), ("4.5", "minutes", 4.5), (" 120 ", "minutes", 120), ("0", "minutes", 0),
        (",5", "minutes", 0.5), ("-3,25", "amount", -3.25), ("+2", "amount", 2), ("1000000", "amount", 1_000_000),
    ])
    func numbersTakeDecimalPointOrComma(_ input: String, _ id: String, _ expected: Double) {
        #expect(Self.parse(input, id) == .success(.number(expected)))
    }

    @Test(arguments: ["121", "-1", "abc", "1,2,3", "1.2.3", "nan", "inf", "1e3", "0x10", "4,5 min", "."])
    func numbersRejectOthers(_ input: String) {
        #expect(Self.parse(input, "minutes") == .failure(.notNumber(input, min: 0, max: 120)))
    }

    @Test func numberMessages() {
        #expect(AnswerInputError.notNumber("abc", min: 0, max: 120).message == "'abc': enter a number from 0 to 120 (decimals with . or ,)")
        #expect(AnswerInputError.notNumber("x", min: nil, max: nil).message == "'x': enter a number (decimals with . or ,)")
        #expect(AnswerInputError.notNumber("x", min: 0.5, max: nil).message.contains("at least 0.5"))
    }

    @Test(arguments: ["fi", "sv", "en"], [
        ("y", true), ("Yes", true), ("k", true), ("KYLLÄ", true), ("kylla", true), ("j", true), ("ja", true), ("1", true),
        ("n", false), ("no", false), ("e", false), ("Ei", false), ("nej", false), ("0", false), (" N ", false),
    ])
    func yesNoAcceptsEveryLanguageForm(language: String, pair: (String, Bool)) {
        #expect(Self.parse(pair.0, "may_contact", in: Self.pulse, language: language) == .success(.bool(pair.1)))
    }

    @Test(arguments: ["maybe", "2", "yess", "kyl"])
    func yesNoRejectsOthers(_ input: String) {
        #expect(Self.parse(input, "may_contact", in: Self.pulse) == .failure(.notYesNo(input)))
        #expect(AnswerInputError.notYesNo(input).message == "'\(input)': answer y or n")
    }

    @Test(arguments: [
        ("2", "fi", ["email"]), ("email", "fi", ["email"]), ("EMAIL", "en", ["email"]),
        ("Sähköposti", "fi", ["email"]), ("e-post", "sv", ["email"]), (" 4 ", "en", ["shop"]),
    ])
    func singleChoiceByNumberCodeOrLabel(_ input: String, _ language: String, _ expected: [String]) {
        #expect(Self.parse(input, "channel", language: language) == .success(.choices(expected)))
    }

    @Test(arguments: ["5", "0", "1,2", "1 2", "fax", "Sähköposti", "-1"])
    func singleChoiceRejectsOthers(_ input: String) {
        // "Sähköposti" is the Finnish label: not accepted in an English interview.
        #expect(Self.parse(input, "channel", language: "en") == .failure(.notChoice(input, optionCount: 4, multiple: false)))
    }

    @Test func choiceMessages() {
        #expect(AnswerInputError.notChoice("5", optionCount: 4, multiple: false).message == "'5': choose 1–4")
        #expect(AnswerInputError.notChoice("9", optionCount: 3, multiple: true).message == "'9': choose one or more of 1–3, e.g. 1,3")
    }

    @Test(arguments: [
        ("1,3", ["price", "invoice"]), ("1 3", ["price", "invoice"]), ("3, 1", ["price", "invoice"]),
        ("invoice price", ["price", "invoice"]), ("2,2", ["delivery"]), ("1;delivery", ["price", "delivery"]),
        ("2", ["delivery"]),
    ])
    func multipleChoice(_ input: String, _ expected: [String]) {
        #expect(Self.parse(input, "topics") == .success(.choices(expected)))
    }

    @Test(arguments: ["1,4", "1,,x", "price fax"])
    func multipleChoiceRejectsUnknownParts(_ input: String) {
        #expect(Self.parse(input, "topics") == .failure(.notChoice(input, optionCount: 3, multiple: true)))
    }

    @Test(arguments: [
        ("  Palvelu oli hidas.  ", "Palvelu oli hidas."), ("a\tb", "a b"), ("bell\u{07}s", "bells"),
        ("esc\u{1B}[31mred", "esc[31mred"), ("//etc/passwd", "/etc/passwd"), ("100 % \"ok\" ; DROP", "100 % \"ok\" ; DROP"),
        ("Åsa & Öljy ä", "Åsa & Öljy ä"),
    ])
    func textIsKeptVerbatimWithoutControlCharacters(_ input: String, _ expected: String) {
        #expect(Self.parse(input, "nps_reason", in: Self.pulse) == .success(.text(expected)))
    }

    @Test func emptyInputIsRefusedWithAHint() {
        #expect(Self.parse("   ", "nps_reason", in: Self.pulse) == .failure(.empty(optional: true)))
        #expect(Self.parse("", "nps", in: Self.pulse) == .failure(.empty(optional: false)))
        #expect(Self.parse("\u{01}", "why_phone") == .failure(.empty(optional: false)))
        #expect(AnswerInputError.empty(optional: true).message == "type the answer, or /skip")
        #expect(AnswerInputError.empty(optional: false).message.contains("/dk"))
    }

    @Test func longInputIsShortenedInMessages() {
        let message = AnswerInputError.notYesNo(String(repeating: "x", count: 40)).message
        #expect(message == "'\(String(repeating: "x", count: 23))…': answer y or n")
    }

    @Test func completionsOfferLabelsAndYesNoWordsOfTheInterviewLanguage() {
        let channel = InterviewTestSupport.question("channel")
        #expect(AnswerParser.completions(for: channel, language: "fi") == ["Puhelin", "Sähköposti", "Chat", "Myymälä"])
        #expect(AnswerParser.completions(for: channel, language: "sv") == ["Telefon", "E-post", "Chatt", "Butik"])
        #expect(AnswerParser.completions(for: channel, language: "en") == ["Phone", "Email", "Chat", "Shop"])
        for label in AnswerParser.completions(for: channel, language: "sv") { // each completion parses back
            #expect(throws: Never.self) { try AnswerParser.parse(label, for: channel, language: "sv").get() }
        }
        #expect(AnswerParser.completions(for: Self.pulse.question(id: "may_contact")!, language: "sv") == ["ja", "nej"])
        #expect(AnswerParser.completions(for: Self.pulse.question(id: "nps")!, language: "en").isEmpty)
    }
}
