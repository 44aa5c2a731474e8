import CallPulseDomain
import Foundation

/// A follow-up with what the person calling the customer back needs: who and where, and the
/// interview's answers (to show what triggered the alert and the customer's own words).
public struct FollowUpDetail: Sendable {
    public var followUp: FollowUp
    public var contact: Contact
    /// The interview's answers by question id; empty when the follow-up has no interview.
    public var answers: [String: AnswerRecord]

    public init(followUp: FollowUp, contact: Contact, answers: [String: AnswerRecord]) {
        self.followUp = followUp
        self.contact = contact
        self.answers = answers
    }

    /// Whether the follow-up is still open and past its due time at `now`.
    public func isOverdue(now: Int64) -> Bool {
        followUp.resolvedAt == nil && (followUp.dueAt.map { $0 < now } ?? false)
    }

    /// The answers the alert's condition looks at, e.g. `csat = 1`, in script order.
    public func triggeringAnswers(script: InterviewScript?) -> [String] {
        guard let script, script.alerts.indices.contains(followUp.alertIndex) else { return [] }
        let referenced = script.alerts[followUp.alertIndex].when.referencedQuestionIDs
        return script.questions.filter { referenced.contains($0.id) }.compactMap { question in
            answers[question.id].map { "\(question.id) = \(Self.display($0))" }
        }
    }

    /// The customer's own words: the interview's free-text answers, as `question: text`.
    public func customerWords(script: InterviewScript?) -> [String] {
        guard let script else { return [] }
        return script.questions.compactMap { question in
            guard case .text = question.kind, let answer = answers[question.id],
                  case let .text(text)? = Self.value(of: answer), !text.isEmpty else { return nil }
            return "\(question.id): \(text)"
        }
    }

    /// The contact's name for people: the full name, else first and last name, else "(no name)".
    public var displayName: String {
        if let name = contact.name, !name.isEmpty { return name }
        let parts = [contact.firstName, contact.lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? "(no name)" : parts.joined(separator: " ")
    }

    static func value(of answer: AnswerRecord) -> AnswerValue? {
        answer.value.flatMap(AnswerCodec.decode)
    }

    /// An answer for people: `7`, `yes`, `phone email`, the text, or `don't know`.
    static func display(_ answer: AnswerRecord) -> String {
        switch value(of: answer) {
        case let .number(number)?: NumberText.format(number)
        case let .bool(flag)?: flag ? "yes" : "no"
        case let .choices(codes)?: codes.joined(separator: " ")
        case let .text(text)?: "\"\(text)\""
        case nil: (answer.special ?? .skipped).displayName
        }
    }
}
