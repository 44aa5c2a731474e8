import Testing
@testable import CallPulseDomain

@Suite struct ConditionTests {
    static let answers: [String: AnswerValue] = [
        "nps": .number(5), "csat": .number(2), "ok": .bool(true),
        "channel": .choices(["phone"]), "topics": .choices(["price", "speed"]),
        "comment": .text("hi"), "blank": .text(""),
    ]
    static let ids: Set<String> = ["nps", "csat", "ok", "channel", "topics", "comment", "blank", "missing"]

    @Test(arguments: [
        ("csat <= 2", true), ("csat < 2", false), ("csat == 2", true), ("nps != 5", false),
        ("nps >= 9 or csat <= 2", true), ("nps >= 9 and csat <= 2", false),
        // precedence: not > comparison > and > or
        ("not csat <= 2", false), ("not nps >= 9 and csat = 2", true),
        ("nps = 5 or nps = 1 and csat = 3", true), ("(nps = 5 or nps = 1) and csat = 3", false),
        ("not (nps = 5 or csat = 2)", false), ("not not ok = yes", true),
        // yes/no
        ("ok = yes", true), ("ok = no", false), ("ok != false", true), ("ok = true", true), ("ok < yes", false),
        // single and multiple choice
        ("channel = phone", true), ("channel = email", false), ("channel != email", true),
        ("channel in [email, phone]", true), ("channel in ['email']", false),
        ("channel in (email, phone)", true), ("nps in (1, 5)", true), ("nps in (1)", false),
        ("topics = speed", true), ("topics in [quality, speed]", true), ("topics in [quality]", false),
        ("topics != price", false),
        // numbers in lists, literals on the left, question against question
        ("nps in [1, 5, 9]", true), ("nps in [1, 2]", false), ("3 < nps", true), ("nps > csat", true),
        ("nps = 5.0", true), ("csat > -1", true),
        // strings
        ("comment = 'hi'", true), ("comment = \"hi\"", true), ("comment != 'hi'", false),
        // unanswered questions compare false
        ("missing = 3", false), ("missing != 3", false), ("missing < 3", false), ("missing in [3]", false),
        ("not missing = 3", true), ("answered(nps)", true), ("answered(missing)", false),
        ("not answered(missing)", true), ("answered(blank)", false), ("blank = ''", false),
        // mismatched types compare false
        ("ok = 1", false), ("nps = 'five'", false),
    ])
    func evaluates(_ source: String, _ expected: Bool) throws {
        let condition = try Condition(parsing: source, questionIDs: Self.ids)
        #expect(condition.evaluate(Self.answers) == expected)
    }

    @Test func notBindsToTheComparisonAndAndBindsTighterThanOr() throws {
        let condition = try Condition(parsing: "not a = 1 and b = 2 or c = 3")
        let a = Condition.comparison(.question("a"), .equal, .number(1))
        let b = Condition.comparison(.question("b"), .equal, .number(2))
        let c = Condition.comparison(.question("c"), .equal, .number(3))
        #expect(condition == .or(.and(.not(a), b), c))
    }

    @Test func bareWordsOnTheRightAreCodesUnlessTheyAreQuestions() throws {
        #expect(try Condition(parsing: "a = b") == .comparison(.question("a"), .equal, .string("b")))
        #expect(try Condition(parsing: "a = b", questionIDs: ["a", "b"]) == .comparison(.question("a"), .equal, .question("b")))
        #expect(try Condition(parsing: "a in [x, 'y', 3, yes]") == .membership(.question("a"), [.string("x"), .string("y"), .number(3), .bool(true)]))
    }

    @Test func referencedQuestionIDs() throws {
        let condition = try Condition(parsing: "csat <= 2 or answered(x) and y in [a, 1] or not nps > z", questionIDs: ["z"])
        #expect(condition.referencedQuestionIDs == ["csat", "x", "y", "nps", "z"])
    }

    @Test(arguments: [
        ("", 0, "the condition is empty"),
        ("nps >", 5, "expected a question id, number or quoted string, found 'end of condition'"),
        ("nps 5", 4, "expected a comparison (= != < <= > >=) or 'in' after 'nps', found '5'"),
        ("(nps = 5", 8, "expected ')' to close the '(' at column 1"),
        ("nps = 5 csat", 8, "unexpected 'csat' after a complete condition"),
        ("nps = 'x", 6, "unterminated string"),
        ("nps # 5", 4, "unexpected character '#'"),
        ("answered(5)", 9, "expected a question id in answered(…), found '5'"),
        ("answered nps", 9, "expected '(' after 'answered'"),
        ("nps in [1, 2", 12, "expected ',' or ']' in the 'in' list"),
        ("nps in 1", 7, "expected '[' or '(' after 'in'"),
        ("nps in (1, 2", 12, "expected ',' or ')' in the 'in' list"),
        ("nps in (1, 2]", 12, "expected ',' or ')' in the 'in' list"),
        ("nps in [1, 2)", 12, "expected ',' or ']' in the 'in' list"),
        ("and = 1", 0, "expected a question id, number or quoted string, found 'and'"),
        ("nps = 1 and", 11, "found 'end of condition'"),
        ("nps = 1..2", 6, "'1..2' is not a number"),
    ])
    func reportsSyntaxErrorsWithOffsets(_ source: String, _ offset: Int, _ fragment: String) {
        #expect {
            _ = try Condition(parsing: source)
        } throws: { error in
            guard let error = error as? ConditionSyntaxError else { return false }
            return error.offset == offset && error.message.contains(fragment)
        }
    }
}
