import Foundation
import CallPulseDomain

/// Scripts and helpers shared by the Interview tests.
public enum InterviewTestSupport {
    /// The bundled customer-service script: nps, nps_reason (optional text), ces, csat,
    /// may_contact (yes/no, asked when `csat <= 2 or nps <= 6`).
    public static let pulse: InterviewScript = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Scripts/customer-service-pulse.yaml").path
        return try! InterviewScript.parse(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
    }()

    /// A small script with every other kind: choices, a number, a label-less scale, an optional choice.
    public static let kinds: InterviewScript = try! InterviewScript.parse(yaml: """
        id: kinds
        title: { fi: Lajit, sv: Typer, en: Kinds }
        languages: [fi, sv, en]
        questions:
          - id: channel
            type: choice
            text: { fi: "Miten otitte yhteyttä?", sv: "Hur tog ni kontakt?", en: "How did you get in touch?" }
            options:
              - { code: phone, text: { fi: Puhelin, sv: Telefon, en: Phone } }
              - { code: email, text: { fi: Sähköposti, sv: E-post, en: Email } }
              - { code: chat, text: { fi: Chat, sv: Chatt, en: Chat } }
              - { code: shop, text: { fi: Myymälä, sv: Butik, en: Shop } }
          - id: topics
            type: choice
            multiple: true
            optional: true
            text: { fi: "Mitä asia koski?", sv: "Vad gällde ärendet?", en: "What was it about?" }
            options:
              - { code: price, text: { fi: Hinta, sv: Pris, en: Price } }
              - { code: delivery, text: { fi: Toimitus, sv: Leverans, en: Delivery } }
              - { code: invoice, text: { fi: Lasku, sv: Faktura, en: Invoice } }
          - id: minutes
            type: number
            min: 0
            max: 120
            text: { fi: "Kauanko jonotitte (min)?", sv: "Hur länge köade ni (min)?", en: "How long did you wait (min)?" }
          - id: amount
            type: number
            text: { fi: "Summa?", sv: "Summa?", en: "Amount?" }
          - id: effort
            type: scale
            min: 1
            max: 7
            good: high
            text: { fi: "Helppous 1–7?", sv: "Lätthet 1–7?", en: "Ease 1–7?" }
          - id: why_phone
            type: text
            when: "channel = phone"
            text: { fi: "Miksi puhelin, {first_name}?", sv: "Varför telefon, {first_name}?", en: "Why the phone, {first_name}?" }
        """, file: "kinds.yaml")

    /// A Helsinki clock: Wednesday 2026-11-25 14:05 local time (12:05 UTC).
    public static let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    /// Wednesday 2026-11-25 14:05:30 in Helsinki.
    public static let now = date("2026-11-25 14:05:30")

    /// `yyyy-MM-dd HH:mm[:ss]` in Helsinki.
    public static func date(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = helsinki
        formatter.dateFormat = text.count > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    /// A question of a script by id.
    public static func question(_ id: String, in script: InterviewScript = kinds) -> Question {
        script.question(id: id)!
    }
}

extension InterviewState {
    /// Records a real answer; fails the test on an error.
    public mutating func answer(_ id: String, _ value: AnswerValue) throws {
        try record(.answer(value), for: id)
    }
}
