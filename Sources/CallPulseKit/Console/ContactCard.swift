import CallPulseCallList
import CallPulseDomain
import CallPulseStore
import Foundation

/// The contact card an agent reads before dialing: who, the number to dial, language, the
/// imported fields, every earlier attempt and any appointment note. All text that came from the
/// call list is stripped of control characters.
enum ContactCard {
    static func render(_ claimed: ClaimedContact, campaign: Campaign, now: Int64) -> [String] {
        let contact = claimed.contact
        let zone = zone(of: contact, campaign: campaign)
        var lines: [String] = []
        let rule = String(repeating: "─", count: 60)
        lines.append(rule)
        let reason = switch claimed.reason {
        case .appointment: "appointment"
        case .retry: "retry"
        case .fresh: "new contact"
        case .interrupted: "interrupted, back to you"
        }
        lines.append("Contact #\(contact.id ?? 0)  ·  \(reason)  ·  attempt \(contact.attempts + 1) of \(campaign.maxAttempts)")
        lines.append("  name:      \(Terminal.sanitize(contact.name ?? "(no name)"))")
        lines.append("  dial:      \(PhoneDisplay.international(contact.phone))")
        lines.append("  language:  \(LanguageName.of(contact.language ?? "?"))")
        lines.append("  local time: \(TimeFormat.dateTime(now, timeZone: zone)) (\(zone.identifier))")
        let fields = contact.fieldValues
        let order = campaign.fields.filter { fields[$0] != nil } + fields.keys.filter { !campaign.fields.contains($0) }.sorted()
        let width = max(11, (order.map(\.count).max() ?? 0) + 2)
        for key in order {
            guard let value = fields[key], !value.isEmpty else { continue }
            let label = (Terminal.sanitize(key) + ":").padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(label)\(Terminal.sanitize(String(value.prefix(200))))")
        }
        if claimed.reason == .appointment, let at = contact.nextCallAt {
            lines.append("  appointment: \(TimeFormat.dateTime(at, timeZone: zone))\(contact.appointmentNote.map { " — " + Terminal.sanitize($0) } ?? "")")
        }
        if let note = contact.appointmentNote, claimed.reason != .appointment {
            lines.append("  appointment: \(Terminal.sanitize(note))")
        }
        if !claimed.calls.isEmpty {
            lines.append("  earlier calls:")
            for call in claimed.calls {
                let outcome = call.outcome?.label ?? "—"
                let note = call.note.map { " — \(Terminal.sanitize($0))" } ?? ""
                lines.append("    \(TimeFormat.dateTime(call.startedAt, timeZone: zone))  \(Terminal.sanitize(call.agent))  \(outcome)\(note)")
            }
        }
        let callNotes = Set(claimed.calls.compactMap(\.note))
        for note in claimed.notes where !callNotes.contains(note.text) {
            lines.append("  note \(TimeFormat.dateTime(note.createdAt, timeZone: zone)) \(Terminal.sanitize(note.agent)): \(Terminal.sanitize(note.text))")
        }
        if claimed.resumable != nil {
            lines.append("  ↻ a broken-off interview will resume (\(Plural.of(claimed.answers.count, "answer")) saved)")
        }
        lines.append(rule)
        return lines
    }
}

/// The contact's own time zone: from the call list or the number, else the campaign's.
func zone(of contact: Contact, campaign: Campaign) -> TimeZone {
    contact.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: campaign.timeZone) ?? .current
}

/// Language codes as people read them.
enum LanguageName {
    static func of(_ code: String) -> String {
        switch code {
        case "fi": "Finnish (fi)"
        case "sv": "Swedish (sv)"
        case "en": "English (en)"
        default: code
        }
    }
}

/// Phone numbers formatted for dialing.
enum PhoneDisplay {
    /// The international form (`+358 40 1234567`), or the stored E.164 when it cannot be parsed.
    static func international(_ e164: String) -> String {
        guard let normalizer = try? PhoneNormalizer(defaultRegion: "FI"),
              case let .valid(number) = normalizer.parse(e164)
        else { return e164 }
        return number.international
    }
}
