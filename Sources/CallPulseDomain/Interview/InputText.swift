import Foundation

/// Cleaning what an agent typed, or a contact field, before it is parsed, shown or stored.
package enum InputText {
    /// `text` with tabs and line breaks turned into spaces, every other control character
    /// (C0, DEL, C1) removed, and whitespace trimmed from both ends.
    ///
    /// Everything else — the customer's own words — is kept verbatim.
    package static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D: scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// A number for people: `7` for whole numbers, else up to three decimals with
    /// a decimal comma in Finnish and Swedish (`4,5`) and a point otherwise.
    package static func format(_ number: Double, language: String = "en") -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.3f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }  // a whole number from 10^15 on
        return language == "fi" || language == "sv" ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
