import CallPulseDomain
import Foundation

/// How a call list's header maps onto a contact: which column holds the phone number, the name
/// parts, language and time zone, and which are kept as the contact's extra fields.
struct CallListColumns: Sendable {
    /// Header names, normalized: trimmed, lower-cased, spaces and dashes as `_`; empty ones named
    /// `column_N`; a field named like a column of the export is prefixed (see `prefixingTakenFields`).
    private(set) var names: [String]
    /// Fields renamed by `prefixingTakenFields`: (the column's name, the field's name).
    private(set) var renamed: [(from: String, to: String)] = []
    let phone: Int
    let name: Int?
    let firstName: Int?
    let lastName: Int?
    let language: Int?
    let timeZone: Int?
    /// Indexes of the columns kept as contact fields, in file order.
    let extra: [Int]

    /// Header names looked for when `--phone-column` is not given, in order of preference.
    static let phoneAliases = [
        "phone", "phone_number", "phonenumber", "mobile", "tel", "telephone", "number",
        "puhelin", "puhelinnumero", "puh", "matkapuhelin", "gsm", "telefon", "telefonnummer", "mobil",
    ]
    static let nameAliases = ["name", "full_name", "nimi", "namn"]
    static let firstNameAliases = ["first_name", "firstname", "etunimi", "förnamn", "fornamn"]
    static let lastNameAliases = ["last_name", "lastname", "surname", "sukunimi", "efternamn"]
    static let languageAliases = ["language", "lang", "kieli", "språk", "sprak"]
    static let timeZoneAliases = ["timezone", "time_zone", "tz", "aikavyöhyke"]

    /// Maps a header (on `line` of `file`); throws when there is no phone column or two columns share a name.
    init(header: [String], phoneColumn: String?, file: String, line: Int) throws {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (index, raw) in header.enumerated() {
            var name = Self.normalize(raw)
            if name.isEmpty { name = "column_\(index + 1)" }
            if let earlier = seen[name] {
                throw ImportError.structural(file: file, line: line,
                    message: "columns \(earlier + 1) and \(index + 1) are both named '\(Terminal.sanitize(name))'; rename one")
            }
            seen[name] = index
            names.append(name)
        }
        self.names = names
        func find(_ aliases: [String]) -> Int? { aliases.lazy.compactMap { seen[$0] }.first }
        if let phoneColumn {
            guard let index = seen[Self.normalize(phoneColumn)] else {
                throw ImportError.structural(file: file, line: line,
                    message: "no column named '\(Terminal.sanitize(phoneColumn))' (the header has: \(Terminal.sanitize(names.joined(separator: ", "))))")
            }
            phone = index
        } else {
            guard let index = find(Self.phoneAliases) else {
                throw ImportError.structural(file: file, line: line,
                    message: "no phone column: none of the columns (\(Terminal.sanitize(names.joined(separator: ", ")))) is named phone, puhelin, telefon or mobile; name it with --phone-column")
            }
            phone = index
        }
        name = find(Self.nameAliases)
        firstName = find(Self.firstNameAliases)
        lastName = find(Self.lastNameAliases)
        language = find(Self.languageAliases)
        timeZone = find(Self.timeZoneAliases)
        let special = Set([phone, name, firstName, lastName, language, timeZone].compactMap { $0 })
        extra = names.indices.filter { !special.contains($0) }
    }

    /// The columns with every field whose name the interview export already uses (its own columns
    /// and the script's question ids) renamed `field_NAME`, so the export's header stays unique.
    func prefixingTakenFields(questionIDs: Set<String>) -> CallListColumns {
        var columns = self
        let others = Set(names.map { $0.lowercased() })
        for index in extra {
            let column = ExportColumns.fieldColumn(names[index], questionIDs: questionIDs, otherFields: others)
            guard column != names[index] else { continue }
            columns.renamed.append((names[index], column))
            columns.names[index] = column
        }
        return columns
    }

    /// The normalized form of a header name.
    static func normalize(_ raw: String) -> String { FieldName.normalize(raw) }

    /// Every name a script placeholder can use from this file.
    var placeholderNames: Set<String> {
        var available = Set(extra.map { names[$0] })
        if name != nil || firstName != nil { available.insert("first_name"); available.insert("name") }
        if lastName != nil || name != nil { available.insert("last_name") }
        return available
    }
}
