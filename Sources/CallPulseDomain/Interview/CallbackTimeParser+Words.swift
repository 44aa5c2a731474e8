/// The day words `CallbackTimeParser` understands, in English, Finnish and Swedish.
extension CallbackTimeParser {
    /// Days from today: today, tomorrow, the day after tomorrow.
    package static let dayOffsets: [String: Int] = [
        "today": 0, "tänään": 0, "idag": 0, "i dag": 0,
        "tomorrow": 1, "huomenna": 1, "imorgon": 1, "i morgon": 1,
        "ylihuomenna": 2, "i övermorgon": 2, "övermorgon": 2,
    ]

    /// Weekday names and abbreviations, to `Calendar` weekday numbers (1 = Sunday … 7 = Saturday).
    package static let weekdays: [String: Int] = {
        let names: [(Int, [String])] = [
            (2, ["mon", "monday", "ma", "maanantai", "maanantaina", "mån", "måndag"]),
            (3, ["tue", "tues", "tuesday", "ti", "tiistai", "tiistaina", "tis", "tisdag"]),
            (4, ["wed", "wednesday", "ke", "keskiviikko", "keskiviikkona", "ons", "onsdag"]),
            (5, ["thu", "thur", "thurs", "thursday", "to", "torstai", "torstaina", "tor", "tors", "torsdag"]),
            (6, ["fri", "friday", "pe", "perjantai", "perjantaina", "fre", "fredag"]),
            (7, ["sat", "saturday", "la", "lauantai", "lauantaina", "lör", "lördag"]),
            (1, ["sun", "sunday", "su", "sunnuntai", "sunnuntaina", "sön", "söndag"]),
        ]
        var table: [String: Int] = [:]
        for (weekday, words) in names {
            for word in words { table[word] = weekday }
        }
        return table
    }()

    /// Words that may stand before a time of day and mean nothing more: `klo 10`, `kl 10`, `at 10`.
    package static let fillerWords: Set<String> = ["klo", "kl", "kl.", "at", "on"]
}
