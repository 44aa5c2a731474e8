import Testing
@testable import CallPulseDomain

/// The quota rules without a database: group definitions, the claim filter, balancing and the
/// in-interview check.
@Suite struct QuotaTests {
    static let questions: Set<String> = ["nps", "age_group", "channel"]
    static let fields = ["touchpoint", "store", "segment"]

    static func quota(_ name: String, _ definition: String, target: Int) throws -> Quota {
        try Quota.make(name: name, definition: definition, target: target, questionIDs: questions, fields: fields)
    }

    @Test(arguments: [
        ("touchpoint = \"support\"", ["touchpoint": "support"], nil as String?, true),
        ("touchpoint = support", ["touchpoint": "billing"], nil, false),
        ("segment in (A, B)", ["segment": "B"], nil, true),
        ("segment in (A, B)", ["segment": "C"], nil, false),
        ("segment in [A, B] and language = sv", ["segment": "A"], "sv", true),
        ("segment in [A, B] and language = sv", ["segment": "A"], "fi", false),
        ("store = 12", ["store": "12"], nil, true),
        ("store >= 10", ["store": "9"], nil, false),
        ("store = 12", ["store": "twelve"], nil, false),
        ("not touchpoint = support", ["touchpoint": ""], nil, true),
        ("answered(segment)", ["segment": " "], nil, false),
    ])
    func fieldGroups(_ definition: String, _ fields: [String: String], _ language: String?, _ expected: Bool) throws {
        let group = try Self.quota("q", definition, target: 1).group
        #expect(group.kind == .fieldOnly)
        #expect(group.contains(fields: fields, language: language) == expected)
    }

    @Test func answerAndMixedGroupsReadTheAnswersSoFar() throws {
        let answers = try Self.quota("low", "nps <= 6", target: 5).group
        #expect(answers.kind == .answerOnly)
        #expect(!answers.contains(fields: [:], language: nil, answers: [:]))
        #expect(answers.contains(fields: [:], language: nil, answers: ["nps": .number(4)]))
        let both = try Self.quota("both", "touchpoint = support and age_group = 1", target: 5).group
        #expect(both.kind == .both && both.answerNames == ["age_group"] && both.fieldNames == ["touchpoint"])
        #expect(both.contains(fields: ["touchpoint": "support"], language: nil, answers: ["age_group": .number(1)]))
        #expect(!both.contains(fields: ["touchpoint": "billing"], language: nil, answers: ["age_group": .number(1)]))
    }

    @Test func aNameThatIsNeitherOrBothIsRefusedByName() throws {
        #expect(throws: QuotaDefinitionError.unknownName(quota: "support", name: "toucpoint", fields: Self.fields)) {
            try Self.quota("support", "toucpoint = support", target: 3)
        }
        let message = QuotaDefinitionError.unknownName(quota: "support", name: "toucpoint", fields: Self.fields).localizedDescription
        #expect(message == "quota support: 'toucpoint' is neither a question of the script nor a field of the call list "
                + "(fields: touchpoint, store, segment, language)")
        #expect(throws: QuotaDefinitionError.ambiguousName(quota: "s", name: "channel")) {
            try Quota.make(name: "s", definition: "channel = 1", target: 1, questionIDs: Self.questions, fields: ["channel"])
        }
        #expect(throws: QuotaDefinitionError.noNames(quota: "x")) { try Self.quota("x", "1 = 1", target: 1) }
        #expect(throws: QuotaDefinitionError.badTarget(quota: "x", target: -1)) { try Self.quota("x", "nps = 1", target: -1) }
        #expect(throws: QuotaDefinitionError.badName("a b")) { try Self.quota("a b", "nps = 1", target: 1) }
        #expect(throws: QuotaDefinitionError.badName("-x")) { try Self.quota("-x", "nps = 1", target: 1) }
        #expect(throws: QuotaDefinitionError.badName("")) { try Self.quota("", "nps = 1", target: 1) }
        #expect(try Self.quota("store-12.b_2", "nps = 1", target: 1).name == "store-12.b_2")
        #expect {
            try Self.quota("x", "touchpoint = ", target: 1)
        } throws: { error in
            (error as? QuotaDefinitionError)?.localizedDescription.hasPrefix("quota x: 'touchpoint = ' column 14: expected") == true
        }
    }

    @Test func aStoredGroupParsesAsItWasChecked() throws {
        let group = try Self.quota("q", "touchpoint = support and nps <= 6", target: 1).group
        let restored = try QuotaGroup(stored: group.definition, answerNames: group.answerNames)
        #expect(restored == group)
    }

    @Test(arguments: [
        ("touchpoint = \"support\"", "touchpoint = support"),
        ("segment in [A, 'b c']", "segment in (A, \"b c\")"),
        ("store = 12 or not (nps <= 6.5 and answered(age_group))", "store = 12 or not (nps <= 6.5 and answered(age_group))"),
    ])
    func summaries(_ definition: String, _ summary: String) throws {
        #expect(try Self.quota("q", definition, target: 1).group.summary == summary)
    }

    @Test func standingFigures() throws {
        let quota = try Self.quota("support", "touchpoint = support", target: 10)
        let standing = QuotaStanding(quota: quota, completes: 12, inProgress: 1, contactsLeft: 4)
        #expect(standing.isFull && standing.remaining == 0 && standing.overTarget == 2 && standing.percentFull == 120)
        #expect(standing.fullDescription == "quota full: touchpoint = support")
        let open = QuotaStanding(quota: quota, completes: 3, inProgress: 2, contactsLeft: 4)
        #expect(!open.isFull && open.remaining == 7 && open.overTarget == 0 && open.openShare == 0.5)
        #expect(open.sampleCanFill == false)
        #expect(QuotaStanding(quota: quota, completes: 3, inProgress: 2, contactsLeft: 5).sampleCanFill == true)
        #expect(QuotaStanding(quota: quota, completes: 0, inProgress: 0).sampleCanFill == nil)
        #expect(QuotaStanding(quota: quota, completes: 9, inProgress: 1).isFull)
    }

    @Test func theClaimFilterKeepsFullFieldGroupsBackButNotTheirAppointments() throws {
        let support = QuotaStanding(quota: try Self.quota("support", "touchpoint = support", target: 2), completes: 1, inProgress: 1)
        let billing = QuotaStanding(quota: try Self.quota("billing", "touchpoint = billing", target: 2), completes: 1, inProgress: 0)
        let answers = QuotaStanding(quota: try Self.quota("low", "nps <= 6", target: 0), completes: 0, inProgress: 0)
        let filter = QuotaClaimFilter(standings: [support, billing, answers])
        #expect(filter.fullDescriptions == ["quota full: touchpoint = support"])
        #expect(!filter.serves(fields: ["touchpoint": "support"], language: nil))
        #expect(filter.serves(fields: ["touchpoint": "billing"], language: nil))
        #expect(filter.serves(fields: ["touchpoint": "support"], language: nil, appointment: true))
        let dropping = QuotaClaimFilter(standings: [support], dropsAppointments: true)
        #expect(!dropping.serves(fields: ["touchpoint": "support"], language: nil, appointment: true))
        let candidates: [(fields: [String: String], language: String?, rank: Int)] = [
            (["touchpoint": "support"], nil, 1), (["touchpoint": "billing"], nil, 1),
        ]
        #expect(filter.pick(candidates) == 1)
        #expect(filter.pick(candidates, appointments: true) == 0)
        #expect(filter.pick([candidates[0]]) == nil)
        #expect(QuotaClaimFilter(standings: [billing]).servesEveryone)
    }

    @Test func balancingServesTheGroupFurthestFromItsTargetAmongEqualCandidates() throws {
        let support = QuotaStanding(quota: try Self.quota("support", "touchpoint = support", target: 10), completes: 8, inProgress: 0)
        let billing = QuotaStanding(quota: try Self.quota("billing", "touchpoint = billing", target: 10), completes: 2, inProgress: 1)
        let filter = QuotaClaimFilter(standings: [support, billing], balancing: true)
        let candidates: [(fields: [String: String], language: String?, rank: Int)] = [
            (["touchpoint": "support"], nil, 1), (["touchpoint": "other"], nil, 1),
            (["touchpoint": "billing"], nil, 1), (["touchpoint": "billing"], nil, 2),
        ]
        #expect(filter.pick(candidates) == 2)
        #expect(filter.pick(Array(candidates[..<2])) == 0)
        #expect(filter.priority(fields: ["touchpoint": "other"], language: nil) == 0)
        #expect(QuotaClaimFilter(standings: [support, billing]).pick(candidates) == 0)
    }

    @Test func anAnswerThatEntersAFullGroupEndsTheInterview() throws {
        let low = QuotaStanding(quota: try Self.quota("low", "nps <= 6", target: 3), completes: 2, inProgress: 1)
        let mixed = QuotaStanding(quota: try Self.quota("mixed", "touchpoint = support and nps >= 9", target: 5),
                                  completes: 0, inProgress: 0)
        let support = QuotaStanding(quota: try Self.quota("support", "touchpoint = support", target: 0), completes: 0, inProgress: 0)
        let standings = [low, mixed, support]
        let fields = ["touchpoint": "support"]
        #expect(QuotaCheck.decide(standings, holding: [], fields: fields, language: nil, answers: [:]) == .hold([]))
        #expect(QuotaCheck.decide(standings, holding: [], fields: fields, language: nil, answers: ["nps": .number(4)]) == .full(low))
        #expect(QuotaCheck.decide(standings, holding: ["low"], fields: fields, language: nil, answers: ["nps": .number(4)])
                == .hold(["low"]))
        #expect(QuotaCheck.decide(standings, holding: [], fields: fields, language: nil, answers: ["nps": .number(10)])
                == .hold(["mixed"]))
        let counted = QuotaCheck.countedIn(standings.map(\.quota), fields: fields, language: nil, answers: ["nps": .number(10)])
        #expect(counted.map(\.name) == ["mixed", "support"])
        #expect(Quota.filledDisposition == "4.80" && DispositionGroup(code: Quota.filledDisposition) == .NE)
    }

    @Test func theClosingTextIsTheScriptsOrTheDefault() throws {
        var script = InterviewScript(id: "s", title: LocalizedText(["en": "S"]), languages: ["sv", "en"], questions: [])
        #expect(QuotaClosing.text(script, language: "sv").hasPrefix("Tack för er tid"))
        #expect(QuotaClosing.text(script, language: "fi").hasPrefix("Kiitos"))
        script.quotaClosing = LocalizedText(["sv": "Tack!", "en": "Thanks!"])
        #expect(QuotaClosing.text(script, language: "en") == "Thanks!")
    }
}

extension QuotaTests {
    @Test(arguments: [
        ("touchpoint = support", "touchpoint∈support"),
        ("segment in (A, 'B') and language = sv", "segment∈A,B language∈sv"),
        ("store = 12", nil), ("store = '12'", "store∈12"), ("touchpoint != support", nil),
        ("touchpoint = support or segment = A", nil), ("not touchpoint = support", nil),
        ("touchpoint = ' '", nil), ("answered(touchpoint)", nil), ("touchpoint = support and nps <= 6", nil),
    ] as [(String, String?)])
    func fieldTerms(_ definition: String, _ expected: String?) throws {
        let group = try Self.quota("q", definition, target: 1).group
        let terms = group.fieldTerms.map { $0.map { "\($0.name)∈\($0.values.joined(separator: ","))" }.joined(separator: " ") }
        #expect(terms == expected)
    }
}
