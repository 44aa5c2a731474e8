/// The address dialled for a contact: `--dial-uri` with `{e164}` replaced by the number (`+358401234567`).
/// Without a template the number goes to the softphone's own account domain (`sip:{e164}@` → baresip
/// completes it), which baresip accepts as a plain number.
public struct DialURI: Sendable, Equatable {
    public let template: String?

    public init(template: String?) throws {
        if let template {
            guard template.contains("{e164}") else {
                throw TelephonyError.badDialURI(template, reason: "has no {e164} placeholder for the number")
            }
            guard !template.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw TelephonyError.badDialURI(template, reason: "contains spaces or line breaks; a SIP address has none")
            }
        }
        self.template = template
    }

    public func uri(for e164: String) -> String {
        guard let template else { return e164 }
        return template.replacingOccurrences(of: "{e164}", with: e164)
    }
}
