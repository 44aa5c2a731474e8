import CallPulseCallList
import CallPulseStore

/// Reads phone numbers typed on the command line the way `callpulse import` reads a call list:
/// libphonenumber, numbers without a country code in the given region, E.164 accepted as is.
public enum PhoneArguments {
    /// The numbers in E.164, in the order given, without repeats. Throws `PrivacyError.invalidNumbers`
    /// naming every argument that is not a valid number, or `.unknownRegion`.
    public static func normalize(_ arguments: [String], region: String) throws -> [String] {
        let normalizer: PhoneNormalizer
        do { normalizer = try PhoneNormalizer(defaultRegion: region) } catch {
            throw PrivacyError.unknownRegion(Terminal.sanitize(region))
        }
        var numbers: [String] = []
        var problems: [String] = []
        for argument in arguments {
            switch normalizer.parse(argument, displayForms: false) {
            case let .valid(number): if !numbers.contains(number.e164) { numbers.append(number.e164) }
            case let .invalid(reason): problems.append(Terminal.sanitize(reason))
            }
        }
        guard problems.isEmpty else {
            // `dnc add 040 123 4567` gives the shell three words; say how to write it.
            if arguments.count > 1, case .valid = normalizer.parse(arguments.joined(separator: " "), displayForms: false) {
                problems.append("a number written with spaces must be quoted: \"\(Terminal.sanitize(arguments.joined(separator: " ")))\"")
            }
            throw PrivacyError.invalidNumbers(problems)
        }
        return numbers
    }
}
