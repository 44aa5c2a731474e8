import CallPulseCallList
import CallPulseDomain
import Foundation

/// Turns one call-list record into a contact's columns, or says why the row is malformed.
struct RowMapper {
    struct Mapped {
        var name: String?
        var firstName: String?
        var lastName: String?
        var language: String?
        var timeZone: String?
        var fieldsJSON: String
    }

    struct Problem: Error {
        var message: String
    }

    let columns: CallListColumns
    /// The script's languages; a contact's language must be one of them.
    let languages: [String]
    let file: String
    private var knownZones: [String: Bool] = [:]
    /// Each language value of the file seen so far, with its script language code (nil when it
    /// is not one): a call list holds a handful of spellings, so each is looked up once.
    private var knownLanguages: [String: String?] = [:]

    init(columns: CallListColumns, languages: [String], file: String) {
        self.columns = columns
        self.languages = languages
        self.file = file
    }

    /// Language names clients write, mapped to the script language codes.
    static let languageNames: [String: String] = [
        "fi": "fi", "fin": "fi", "finnish": "fi", "suomi": "fi", "finska": "fi", "fi_fi": "fi",
        "sv": "sv", "swe": "sv", "swedish": "sv", "svenska": "sv", "ruotsi": "sv", "sv_fi": "sv", "sv_se": "sv",
        "en": "en", "eng": "en", "english": "en", "englanti": "en", "engelska": "en", "en_gb": "en", "en_us": "en",
    ]

    /// The script language code `raw` names, or nil when it names none of `languages`.
    static func languageCode(_ raw: String, among languages: [String]) -> String? {
        let key = String(raw.lowercased().map { $0 == "-" ? "_" : $0 })
        guard let code = languageNames[key], languages.contains(code) else { return nil }
        return code
    }

    mutating func map(_ record: CSVRecord) -> Result<Mapped, Problem> {
        var fields = record.fields
        let width = columns.names.count
        if fields.count > width {
            let surplus = fields[width...].filter { !$0.trimmedWhitespace.isEmpty }
            if !surplus.isEmpty {
                return .failure(Problem(message: "\(Plural.of(fields.count, "field")), but the header has \(Plural.of(width, "column"))"))
            }
            fields.removeLast(fields.count - width)
        } else if fields.count < width {
            fields += Array(repeating: "", count: width - fields.count)
        }
        func value(_ index: Int?) -> String? {
            guard let index else { return nil }
            let text = fields[index].trimmedWhitespace
            return text.isEmpty ? nil : text
        }
        var mapped = Mapped(fieldsJSON: FieldsJSON.encode(columns.extra.map { (columns.names[$0], fields[$0]) }))
        mapped.firstName = value(columns.firstName)
        mapped.lastName = value(columns.lastName)
        mapped.name = value(columns.name)
            ?? [mapped.firstName, mapped.lastName].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        if mapped.firstName == nil, let name = mapped.name {
            mapped.firstName = name.split(separator: " ").first.map(String.init)
        }
        if let raw = value(columns.language) {
            let code = knownLanguages[raw] ?? {
                let code = Self.languageCode(raw, among: languages)
                knownLanguages[raw] = code
                return code
            }()
            guard let code else {
                return .failure(Problem(message: "language '\(raw)' is not one of the script's languages (\(languages.joined(separator: ", ")))"))
            }
            mapped.language = code
        }
        if let zone = value(columns.timeZone) {
            let known = knownZones[zone] ?? (TimeZone(identifier: zone) != nil)
            knownZones[zone] = known
            guard known else {
                return .failure(Problem(message: "'\(zone)' is not a time zone (use an IANA name such as Europe/Helsinki)"))
            }
            mapped.timeZone = zone
        }
        return .success(mapped)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// The text without leading and trailing spaces, tabs and line breaks; cheap when there are none
    /// (Foundation's `trimmingCharacters` bridges through NSString on every call).
    var trimmedWhitespace: String {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
