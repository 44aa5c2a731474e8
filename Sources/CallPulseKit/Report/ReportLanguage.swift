import CallPulseDomain

/// The language a client report's labels are written in.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fi, sv, en

    /// The script's first language when it is one of these, else English.
    public static func preferred(for script: InterviewScript) -> ReportLanguage {
        script.languages.lazy.compactMap(ReportLanguage.init(rawValue:)).first ?? .en
    }

    /// Reads `--language`; throws `ReportError.unknownLanguage` naming the choices.
    public init(parsing text: String) throws {
        guard let language = ReportLanguage(rawValue: text.lowercased()) else { throw ReportError.unknownLanguage(text) }
        self = language
    }

    /// One of three texts, by language.
    func pick(_ fi: String, _ sv: String, _ en: String) -> String {
        switch self {
        case .fi: fi
        case .sv: sv
        case .en: en
        }
    }
}
