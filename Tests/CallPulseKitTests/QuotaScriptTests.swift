import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// The script's `quotas:` and `quota_closing:` sections, with FILE:LINE:COLUMN problems.
@Suite struct QuotaScriptTests {
    static let header = """
        id: t
        title: { fi: T, en: T }
        languages: [fi, en]
        questions:
          - { id: nps, type: nps, text: { fi: N, en: N } }

        """

    @Test func quotasAndTheirClosingTextLoad() throws {
        let yaml = Self.header + """
            quotas:
              - { name: support, where: 'touchpoint = "support"', target: 20 }
              - name: low-nps
                where: nps <= 6 and segment in (A, B)
                target: 5
            quota_closing: { fi: Kiitos, en: Thanks }
            """
        let script = try InterviewScript.parse(yaml: yaml, file: "q.yaml")
        #expect(script.quotas == [
            ScriptQuota(name: "support", definition: "touchpoint = \"support\"", target: 20, line: 7),
            ScriptQuota(name: "low-nps", definition: "nps <= 6 and segment in (A, B)", target: 5, line: 8),
        ])
        #expect(script.quotaClosing == LocalizedText(["fi": "Kiitos", "en": "Thanks"]))
    }

    @Test(arguments: [
        ("quotas: x", "q.yaml:6:9: 'quotas' must be a list"),
        ("quotas:\n  - { name: a, where: nps <= 6 }", "q.yaml:7:5: quota 1 is missing 'target'"),
        ("quotas:\n  - { name: a, where: nps <= 6, target: many }", "q.yaml:7:41: the target of quota 1 must be a whole number"),
        ("quotas:\n  - { name: a, where: nps <= 6, target: -2 }", "q.yaml:7:41: quota a: the target must be"),
        ("quotas:\n  - { name: 'a b', where: nps <= 6, target: 2 }", "q.yaml:7:13: quota name 'a b' is not usable"),
        ("quotas:\n  - { name: a, where: nps <=, target: 2 }", "q.yaml:7:29: syntax error in 'where' of quota 'a'"),
        ("quotas:\n  - { name: a, where: 1 = 1, target: 2 }", "q.yaml:7:23: quota 'a': the definition names no question"),
        ("quotas:\n  - { name: a, where: nps = 1, target: 2 }\n  - { name: a, where: nps = 2, target: 2 }",
         "q.yaml:8:13: quota 'a' is defined twice"),
        ("quotas:\n  - { name: a, wher: nps = 1, target: 2 }", "q.yaml:7:16: unknown key 'wher'"),
        ("quota_closing: { fi: Kiitos }", "q.yaml:6:16: quota_closing is missing the 'en' translation"),
    ])
    func problemsNameTheLine(_ section: String, _ expected: String) {
        let problems = ScriptTestSupport.problems(Self.header + section, file: "q.yaml")
        #expect(problems.contains { $0.description.hasPrefix(expected) }, "\(problems.map(\.description))")
    }
}
