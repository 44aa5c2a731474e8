import Foundation
import Testing
@testable import CallPulseDomain

@Suite struct PlaceholdersTests {
    @Test(arguments: [
        ("Hei {first_name}, soitan yrityksen {client} puolesta.", "Hei Anna, soitan yrityksen Acme Oy puolesta."),
        ("{first_name}{first_name}", "AnnaAnna"),
        ("Hello {unknown} and {client}", "Hello {unknown} and Acme Oy"),
        ("{ first_name } {} {1x} {first_name", "{ first_name } {} {1x} {first_name"),
        ("{{client}}", "{Acme Oy}"),
        ("no placeholders", "no placeholders"),
        ("", ""),
    ])
    func fills(_ template: String, _ expected: String) {
        #expect(Placeholders.fill(template, with: ["first_name": "Anna", "client": "Acme Oy"]) == expected)
    }

    @Test func findsNames() {
        #expect(Placeholders.names(in: "{a} {b_2} { c } {3d} {a}") == ["a", "b_2"])
    }

    @Test func answerValuesEncodeAsBareJSONValues() throws {
        let values: [AnswerValue] = [.number(7), .text("hei"), .choices(["a", "b"]), .bool(false)]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == #"[7,"hei",["a","b"],false]"#)
        #expect(try JSONDecoder().decode([AnswerValue].self, from: data) == values)
    }
}
