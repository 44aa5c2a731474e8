import Foundation

/// Parses the call-back time an agent types, relative to a given clock and time zone.
///
/// Forms (case-insensitive; `klo`/`kl`/`at` before the time are ignored):
/// - a time of day `15:30`, `15.30` or an hour `15`: today, or tomorrow if already past;
/// - a day and a time: `today 10`, `tomorrow 10:30`, `huomenna 10`, `i morgon 10`,
///   `ylihuomenna 9`; a weekday `mon 10`, `ma 10`, `mån 10` (its next occurrence, today
///   when the time is still ahead);
/// - a date and a time: `2026-11-25 14:00`, `2026-11-25T14:00`, `25.11. 14:00`, `25.11.2026 14`;
///   a date without a year is its next occurrence (this year, or next year once it has passed);
/// - an offset from now: `+30m`, `+30min`, `+2h`, `+1d` (a day keeps the wall-clock time).
///
/// A lone `10.11` is a time (10:11); write a date with its trailing dot and a time, `10.11. 14`.
/// Refuses times not after `now` and times more than 366 days ahead.
public enum CallbackTimeParser {
    /// The moment `input` names, seen from `now` in `timeZone`, or why it is not usable.
    public static func parse(_ input: String, now: Date, timeZone: TimeZone) -> Result<Date, CallbackTimeError> {
        let text = InputText.clean(input).lowercased()
        guard !text.isEmpty else { return .failure(.empty) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let display = InputText.clean(input)
        let date: Date
        if text.hasPrefix("+") {
            guard let offset = relative(text, from: now, calendar: calendar) else { return .failure(.unrecognized(display)) }
            date = offset
        } else {
            switch absolute(text, display: display, now: now, calendar: calendar) {
            case let .success(value): date = value
            case let .failure(error): return .failure(error)
            }
        }
        guard date > now else { return .failure(.inPast(display)) }
        guard date <= now.addingTimeInterval(366 * 86_400) else { return .failure(.tooFarAhead(display)) }
        return .success(date)
    }

    /// `+2h`, `+30m`, `+30min`, `+1d` (spaces allowed) added to `now`.
    package static func relative(_ text: String, from now: Date, calendar: Calendar) -> Date? {
        let body = text.dropFirst().filter { !$0.isWhitespace }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard let amount = Int(digits), amount <= 100_000 else { return nil }
        switch body.dropFirst(digits.count) {
        case "m", "min": return now.addingTimeInterval(Double(amount) * 60)
        case "h": return now.addingTimeInterval(Double(amount) * 3600)
        case "d": return calendar.date(byAdding: .day, value: amount, to: now)
        default: return nil
        }
    }

    /// A time of day, optionally after a day word, weekday or date.
    package static func absolute(_ text: String, display: String, now: Date, calendar: Calendar) -> Result<Date, CallbackTimeError> {
        var tokens = text.split(whitespaceAndT: true).filter { !fillerWords.contains($0) }
        guard let last = tokens.last else { return .failure(.unrecognized(display)) }
        guard let time = timeOfDay(last) else {
            return day(tokens.joined(separator: " ")) == nil ? .failure(.unrecognized(display)) : .failure(.missingTimeOfDay(display))
        }
        tokens.removeLast()
        let today = calendar.dateComponents([.year, .month, .day, .weekday], from: now)
        let dayWords = tokens.joined(separator: " ")
        if dayWords.isEmpty {
            guard let candidate = at(time, on: today, calendar: calendar) else { return .failure(.unrecognized(display)) }
            let date = candidate > now ? candidate : calendar.date(byAdding: .day, value: 1, to: candidate)
            return date.map(Result.success) ?? .failure(.unrecognized(display))
        }
        switch day(dayWords) {
        case nil:
            return .failure(.unrecognized(display))
        case let .offset(days)?:
            let base = calendar.date(byAdding: .day, value: days, to: now).map { calendar.dateComponents([.year, .month, .day], from: $0) }
            return base.flatMap { at(time, on: $0, calendar: calendar) }.map(Result.success) ?? .failure(.unrecognized(display))
        case let .weekday(weekday)?:
            for offset in 0...7 {
                guard let day = calendar.date(byAdding: .day, value: offset, to: now),
                      calendar.component(.weekday, from: day) == weekday,
                      let date = at(time, on: calendar.dateComponents([.year, .month, .day], from: day), calendar: calendar),
                      date > now else { continue }
                return .success(date)
            }
            return .failure(.unrecognized(display))
        case let .date(year, month, dayOfMonth)?:
            var components = DateComponents(year: year ?? today.year, month: month, day: dayOfMonth)
            guard var date = at(time, on: components, calendar: calendar) else { return .failure(.noSuchDate(display)) }
            if year == nil, calendar.startOfDay(for: date) < calendar.startOfDay(for: now) {
                components.year = (today.year ?? 0) + 1
                guard let nextYear = at(time, on: components, calendar: calendar) else { return .failure(.noSuchDate(display)) }
                date = nextYear
            }
            return .success(date)
        }
    }

    /// The date `day` at `time` in the calendar's zone; `nil` when the day does not exist (31.2.).
    package static func at(_ time: (hour: Int, minute: Int), on day: DateComponents, calendar: Calendar) -> Date? {
        var components = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        components.calendar = calendar
        components.timeZone = calendar.timeZone
        guard let date = calendar.date(from: components) else { return nil }
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        return check.year == day.year && check.month == day.month && check.day == day.day ? date : nil
    }

    /// `14:30`, `14.30`, `9` or `09` as (hour, minute); `nil` for anything else.
    package static func timeOfDay(_ token: String) -> (hour: Int, minute: Int)? {
        let parts = token.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "." }
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (1...2).contains(parts[0].count), parts.count == 1 || parts[1].count == 2,
              let hour = Int(parts[0]), hour < 24 else { return nil }
        let minute = parts.count == 2 ? Int(parts[1]) ?? 60 : 0
        return minute < 60 ? (hour, minute) : nil
    }

    /// What a day part names.
    package enum Day: Equatable {
        case offset(Int)
        case weekday(Int)
        case date(year: Int?, month: Int, day: Int)
    }

    /// A day word, weekday, ISO date `2026-11-25` or Finnish date `25.11.`/`25.11.2026`; `nil` otherwise.
    package static func day(_ words: String) -> Day? {
        if let offset = dayOffsets[words] { return .offset(offset) }
        if let weekday = weekdays[words] { return .weekday(weekday) }
        let iso = words.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let year = Int(iso[0]), let month = number(iso[1]), let day = number(iso[2]) {
            return .date(year: year, month: month, day: day)
        }
        var finnish = words.split(separator: ".", omittingEmptySubsequences: false)
        if finnish.count > 2, finnish.last?.isEmpty == true { finnish.removeLast() }
        guard (2...3).contains(finnish.count), let day = number(finnish[0]), let month = number(finnish[1]) else { return nil }
        if finnish.count == 2 { return .date(year: nil, month: month, day: day) }
        guard finnish[2].count == 4, let year = Int(finnish[2]) else { return nil }
        return .date(year: year, month: month, day: day)
    }

    /// A one- or two-digit number.
    private static func number(_ text: Substring) -> Int? {
        (1...2).contains(text.count) && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(text) : nil
    }
}

extension String {
    /// Whitespace-separated words, with an ISO `2026-11-25t14:00` split at its `t`.
    fileprivate func split(whitespaceAndT: Bool) -> [String] {
        split(whereSeparator: \.isWhitespace).flatMap { word -> [String] in
            let parts = word.split(separator: "t", maxSplits: 1)
            if parts.count == 2, parts[0].count == 10, parts[0].contains("-") { return parts.map(String.init) }
            return [String(word)]
        }
    }
}
