/// A day as a user types it on the command line: `2026-11-29`, `today`, `yesterday`, or an offset
/// from today such as `-7d`, `-2w`, `-3m`, `-1y` (and `+1d`). Pure: "today" is passed in.
public enum DateExpression {
    /// Why a date was refused, in words a user can act on.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: String
        public var reason: String

        public var description: String { "'\(text)' is not a date: \(reason)" }
    }

    /// The day `text` means, `today` being the day it is typed.
    public static func parse(_ text: String, today: CalendarDate) throws(Invalid) -> CalendarDate {
        let word = String(text.lowercased().filter { $0 != " " })
        switch word {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if let first = word.first, first == "-" || first == "+", let unit = word.last, "dwmy".contains(unit) {
            guard let amount = Int(word.dropFirst().dropLast()), amount >= 0, amount <= 100_000 else {
                throw Invalid(text: text, reason: "an offset is a sign, a number and d, w, m or y (e.g. -7d)")
            }
            let signed = first == "-" ? -amount : amount
            switch unit {
            case "d": return today.adding(days: signed)
            case "w": return today.adding(days: 7 * signed)
            case "m": return adding(months: signed, to: today)
            default: return adding(months: 12 * signed, to: today)
            }
        }
        return try iso(text)
    }

    /// `YYYY-MM-DD`, with the reason when the text is not a day of the calendar.
    public static func iso(_ text: String) throws(Invalid) -> CalendarDate {
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            throw Invalid(
                text: text, reason: "use YYYY-MM-DD (e.g. 2024-03-05), today, yesterday or an offset such as -7d")
        }
        guard (1...12).contains(month) else { throw Invalid(text: text, reason: "there is no month \(month)") }
        guard (1...9999).contains(year) else { throw Invalid(text: text, reason: "the year must be 1 to 9999") }
        let days = CalendarDate.daysIn(month: month, year: year)
        let name = monthNames[month - 1]
        if month == 2, day == 29 { throw Invalid(text: text, reason: "\(year) is not a leap year") }
        throw Invalid(text: text, reason: day == 0 ? "days start at 01" : "\(name) has \(days) days")
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The same day `months` months later, the last day of the month when it is shorter.
    private static func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        let index = date.year * 12 + (date.month - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        let day = min(date.day, CalendarDate.daysIn(month: month, year: year))
        return CalendarDate(year: year, month: month, day: day) ?? date
    }
}
