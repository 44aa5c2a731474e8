import Foundation

/// Formats instants as `2026-11-23 14:05` in one time zone, fast enough for a row per interview
/// of a large export: the zone's offset is looked up once per hour (and exactly for an hour in
/// which it changes), and the calendar date is computed arithmetically.
struct LocalTimeFormatter {
    let timeZone: TimeZone
    private var cachedHour = Int64.min
    private var cachedOffset: Int64 = 0

    init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// `yyyy-MM-dd HH:mm` for seconds since 1970, in the formatter's zone.
    mutating func format(_ seconds: Int64) -> String {
        let local = seconds + offset(at: seconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        func append(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4); bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2); bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2); bytes.append(UInt8(ascii: " "))
        append(secondOfDay / 3600, digits: 2); bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 3600 / 60, digits: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func offset(at seconds: Int64) -> Int64 {
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour == cachedHour { return cachedOffset }
        let start = zoneOffset(hour * 3600), end = zoneOffset(hour * 3600 + 3599)
        guard start == end else { return zoneOffset(seconds) }
        cachedHour = hour
        cachedOffset = start
        return start
    }

    private func zoneOffset(_ seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The proleptic Gregorian date of a day number (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
