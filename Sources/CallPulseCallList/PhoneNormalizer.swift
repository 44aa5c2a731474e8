import CPhoneNumber

/// Parses and validates phone numbers as people type them into call lists, with
/// libphonenumber, and normalizes them to E.164.
///
/// Numbers without a `+country code` are read in `defaultRegion`'s national format
/// ("040 123 4567" in FI → +358401234567). Safe to share between threads: it holds only the
/// region, and libphonenumber's `PhoneNumberUtil` is a thread-safe singleton.
public struct PhoneNormalizer: Sendable {
    /// Inputs longer than this (in characters) are rejected without parsing.
    public static let maxInputLength = 64

    /// The ISO 3166 alpha-2 region for numbers written without a country code, uppercased.
    public let defaultRegion: String

    /// Creates a normalizer for numbers written in `defaultRegion`'s national format.
    ///
    /// - Throws: `UnknownRegionError` when libphonenumber does not know the region code.
    public init(defaultRegion: String) throws {
        let region = defaultRegion.uppercased()
        guard region.utf8.count == 2, region.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }),
              Self.call("12345678", region: region).status != CP_PHONE_BAD_REGION
        else {
            throw UnknownRegionError(region: defaultRegion)
        }
        self.defaultRegion = region
    }

    /// Parses `raw` (surrounding whitespace ignored) and returns the normalized number, or why
    /// it is not usable: empty, longer than 64 characters, not a phone number, an unknown
    /// country code, or not a valid number (too short, unassigned range).
    ///
    /// - Parameter displayForms: false skips formatting `international` and `national` (left
    ///   empty), which saves about 30% of the time for bulk imports that store only E.164.
    public func parse(_ raw: String, displayForms: Bool = true) -> PhoneParseResult {
        let input = Self.trimmed(raw)
        if input.isEmpty { return .invalid(reason: "empty phone number") }
        if input.utf8.count > Self.maxInputLength && input.count > Self.maxInputLength {
            return .invalid(reason: "'\(input.prefix(20))…' is too long to be a phone number (over \(Self.maxInputLength) characters)")
        }
        if input.utf8.contains(0) { return .invalid(reason: "'\(input)' is not a phone number") }
        if let letters = Self.lettersOutsideExtension(input) {
            return .invalid(reason: "'\(input)' has \(letters.count == 1 ? "a letter" : "letters") in it "
                + "(\(letters.map { "'\($0)'" }.joined(separator: ", "))): write the number in digits "
                + "(an extension may follow 'ext', 'x' or '#')")
        }
        let result = Self.call(input, region: defaultRegion, displayForms: displayForms)
        switch result.status {
        case CP_PHONE_OK:
            return .valid(result.number!)
        case CP_PHONE_BAD_REGION:
            return .invalid(reason: "'\(input)' has an unknown country code")
        case CP_PHONE_INVALID:
            let scope = input.hasPrefix("+") || input.hasPrefix("00") ? "" : " for \(defaultRegion)"
            return .invalid(reason: "'\(input)' is not a valid phone number\(scope)")
        default:
            return .invalid(reason: "'\(input)' is not a phone number")
        }
    }

    /// Runs `cp_phone_parse` with stack buffers; `number` is set when the status is OK.
    private static func call(_ input: String, region: String, displayForms: Bool = false) -> (status: cp_phone_status, number: PhoneNumber?) {
        let field = 80
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: field * 4) { out in
            let base = out.baseAddress!
            var numberType: Int32 = -1
            let status = input.withCString { cInput in
                region.withCString { cRegion in
                    cp_phone_parse(cInput, cRegion, base, field, base + field, field,
                                   displayForms ? base + 2 * field : nil, field,
                                   displayForms ? base + 3 * field : nil, field, &numberType)
                }
            }
            guard status == CP_PHONE_OK else { return (status, nil) }
            let number = PhoneNumber(
                e164: String(cString: base),
                region: String(cString: base + field),
                international: displayForms ? String(cString: base + 2 * field) : "",
                national: displayForms ? String(cString: base + 3 * field) : "",
                isMobile: numberType == 1  // libphonenumber's PhoneNumberType.MOBILE
            )
            return (status, number)
        }
    }

    /// The letters of `input` outside a trailing extension marker (`ext 12`, `x12`, `ext. 12`,
    /// `extn 12`, `;ext=12`), in order and without repeats; nil when there are none.
    ///
    /// libphonenumber drops up to two letters and reads three or more as a vanity number
    /// (`1-800-FLOWERS`), so `040 5OO 0113` (letter O for zero) would become another person's
    /// number; a number with letters is refused instead.
    package static func lettersOutsideExtension(_ input: String) -> [Character]? {
        // The usual number: ASCII without a letter, decided from its bytes alone.
        if !input.utf8.contains(where: { $0 >= 0x80 || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) { return nil }
        // Text without digits ('abc') is not a number at all, and control characters (an escape
        // sequence's `[31m`) are not letters typed for digits: libphonenumber refuses both as they are.
        let scalars = input.unicodeScalars
        guard scalars.contains(where: \.properties.isAlphabetic),
              scalars.contains(where: { $0.properties.numericType == .decimal }),
              !scalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        var body = Substring(input)
        if let marker = body.range(of: #"(?i)(;\s*ext=|(?<![a-z])(extn|ext\.?|x)|#)\s*[0-9]{1,10}\s*$"#, options: .regularExpression) {
            body = body[..<marker.lowerBound]
        }
        var letters: [Character] = []
        for character in body where character.unicodeScalars.contains(where: \.properties.isAlphabetic) {
            if !letters.contains(character) { letters.append(character) }
        }
        return letters.isEmpty ? nil : letters
    }

    /// `raw` without leading and trailing whitespace (ASCII and no-break space).
    private static func trimmed(_ raw: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\u{A0}" || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        let scalars = raw.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return raw }
        return String(scalars[first...last])
    }
}
