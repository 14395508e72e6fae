import Foundation
import RedflagCore

/// A date at the start of a heading, paragraph or list item, as people write it, then an optional
/// time, an optional separator (`:`, `—`, `–`, `-`, `,`, `.`) and the rest.
///
/// Accepted dates (docs/journal-format.md, "Dates as people write them"):
/// - ISO `2025-03-05` (always) and `2025/03/05`;
/// - `05.03.2025`, `5.3.2025` (day, month, year: the Russian and German habit);
/// - day, month name, year: `5 March 2025`, `5th Mar 2025`, `12 апреля 2025`, `5 мар. 2025 г.`;
/// - month name, day, year: `March 5, 2025`, `Mar 5th, 2025` (Logseq's journal titles);
/// - slashed `03/05/2025` only when `redflag.yml` says `dates: dmy` or `dates: mdy`;
/// - each with an optional weekday before (`Wed, 5 March 2025`, `среда, 12 апреля 2025`) or a full
///   weekday name after (`2025-03-05 Wednesday`), and an optional time `14:30` / `9:05` after.
/// Month and weekday names are English or Russian, in any case form and letter case.
struct DatePrefix: Hashable {
    /// Why a date-shaped prefix gave no date.
    enum Problem: Hashable {
        /// The day does not exist (`2024-02-30`, `31.04.2025`).
        case impossible
        /// A slashed date with the year last, and no `dates:` order configured.
        case ambiguousOrder
    }

    /// The date; nil when the text has the shape of a date but gives no day (see `problem`).
    var date: CalendarDate?
    /// The characters that looked like a date, as written.
    var written: String
    /// `HH:MM` when a valid time follows the date.
    var time: String?
    /// The text after the date, time and separator, trimmed.
    var rest: String
    /// Set when `date` is nil.
    var problem: Problem?

    /// How dates are read: which forms, and the order of slashed dates.
    struct Options: Hashable, Sendable {
        /// Day-first, month-name and slashed forms; when false only `YYYY-MM-DD` is a date.
        var humanDates = true
        var slashedOrder: SlashedDateOrder?

        static let standard = Options()
        static let isoOnly = Options(humanDates: false)
    }

    /// Parses a date prefix of `text`; nil when the text does not start with a date shape followed
    /// by the end, whitespace or a separator.
    static func parse(_ text: String, options: Options = .standard) -> DatePrefix? {
        guard let first = text.unicodeScalars.first,
            isDigit(first) || (options.humanDates && first.properties.isAlphabetic)
        else { return nil }
        // Most entries start with a word: only a month or weekday name can start a date.
        if !isDigit(first) {
            // Most entries start with a plain ASCII word: look it up from the bytes.
            if let isDateWord = asciiFirstWordIsDateWord(text.utf8) {
                guard isDateWord else { return nil }
            } else {
                let word = String(
                    String.UnicodeScalarView(text.unicodeScalars.prefix(12).prefix { $0.properties.isAlphabetic }))
                guard isWeekday(word, abbreviationsToo: true) || month(named: word) != nil else { return nil }
            }
        }
        var reader = Reader(Array(text.unicodeScalars.prefix(64)))
        guard let (date, written, problem) = reader.date(options) else { return nil }
        // A date must end where a word ends: `2024-03-05-10` or `2024-03-051` are not dates.
        if let next = reader.peek {
            if isDigit(next) || next.properties.isAlphabetic { return nil }
            if next == "-" || next == "." || next == "/", let after = reader.peek(1), isDigit(after) { return nil }
        }
        var consumed = reader.index
        reader.weekdayAfter()
        let time = reader.time()
        if time != nil || reader.index > consumed { consumed = reader.index }
        reader.index = consumed
        reader.skipSpaces()
        if reader.separator() { reader.skipSpaces() }
        // The rest starts `reader.index` scalars in: count their UTF-8 bytes rather than rebuild the
        // string scalar by scalar (this runs for every dated entry).
        let consumedBytes = reader.scalars[..<reader.index].reduce(0) { $0 + UTF8.width($1) }
        let utf8 = text.utf8
        let restStart = utf8.index(utf8.startIndex, offsetBy: consumedBytes)
        return DatePrefix(
            date: date, written: written, time: time, rest: trimmed(text[restStart...]), problem: problem)
    }

    /// `text` without leading and trailing whitespace and newlines (what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives), without bridging to `NSString`.
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Whether the first word of `utf8` (its first letters, at most 12) is an English month or
    /// weekday name, when that word is plain ASCII letters followed by an ASCII non-letter or the end;
    /// nil otherwise (a non-ASCII letter in or right after it), for the general path to decide.
    static func asciiFirstWordIsDateWord(_ utf8: String.UTF8View) -> Bool? {
        // The word's lowercase letters packed into an integer, 7 bits each: no string, no hashing.
        var packed: UInt64 = 0
        var count = 0
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { break }
            guard count < 12 else { break }
            if count < 9 { packed = packed << 7 | UInt64(lower) }
            count += 1
        }
        // Longer than any English month or weekday name (`september`, `wednesday`).
        guard count >= 3, count <= 9 else { return false }
        return asciiDateWords.contains(packed)
    }

    /// `word` (ASCII letters, at most 9) packed as `asciiFirstWordIsDateWord` packs it.
    private static func packed(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 7 | UInt64($1) }
    }

    /// The English month and weekday names (full and short), packed.
    private static let asciiDateWords: Set<UInt64> = Set(
        (Array(englishMonths.keys) + Array(fullWeekdays) + Array(shortWeekdays))
            .filter { $0.utf8.allSatisfy { $0 < 0x80 } && (3...9).contains($0.utf8.count) }.map(packed))

    /// Month names: English full names and abbreviations, Russian stems (any case form).
    static func month(named word: String) -> Int? {
        guard word.unicodeScalars.count <= 9 else { return nil }
        let word = word.lowercased()
        if let month = englishMonths[word] { return month }
        if ["май", "мая", "мае", "маю", "маем"].contains(word) { return 5 }
        guard word.unicodeScalars.count >= 3 else { return nil }
        return russianMonthStems[String(word.prefix(3))]
    }

    /// English month names and their three-letter abbreviations (and `sept`), lowercased.
    private static let englishMonths: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var table: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        return table
    }()

    /// The first three letters of every case form of a Russian month name (May apart: `ма…`).
    private static let russianMonthStems: [String: Int] = [
        "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
        "дек": 12,
    ]

    private static let fullWeekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "понедельник", "вторник",
        "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
    ]
    private static let shortWeekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "пн", "вт", "ср", "чт", "пт", "сб",
        "вс",
    ]

    /// Weekday names, full or abbreviated, English or Russian (any case form).
    static func isWeekday(_ word: String, abbreviationsToo: Bool) -> Bool {
        guard word.unicodeScalars.count <= 11 else { return false }
        let word = word.lowercased()
        return fullWeekdays.contains(word) || (abbreviationsToo && shortWeekdays.contains(word))
    }

    /// A cursor over the first scalars of the text.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func skipSpaces() {
            while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\n" {
                index += 1
            }
        }

        /// Consumes `:` `,` `.` `-` `–` `—`; true when one was there.
        mutating func separator() -> Bool {
            guard let scalar = peek, [":", ",", ".", "-", "\u{2013}", "\u{2014}"].contains(scalar) else { return false }
            index += 1
            return true
        }

        /// Up to `max` ASCII digits; nil when none.
        mutating func number(max: Int) -> (value: Int, digits: Int)? {
            var value = 0
            var digits = 0
            while digits < max, let scalar = peek, DatePrefix.isDigit(scalar) {
                value = value * 10 + Int(scalar.value - 48)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : (value, digits)
        }

        mutating func word() -> String? {
            let start = index
            while let scalar = peek, scalar.properties.isAlphabetic { index += 1 }
            guard index > start else { return nil }
            return text(from: start)
        }

        mutating func expect(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            index += 1
            return true
        }

        /// The scalars from `start` to here, encoded as UTF-8 bytes at once (appending scalar by
        /// scalar to a string is several times slower, and this runs for every dated entry).
        func text(from start: Int) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4 * (index - start))
            for scalar in scalars[start..<index] { UTF8.encode(scalar) { bytes.append($0) } }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// A date, with an optional weekday before it.
        mutating func date(_ options: Options) -> (CalendarDate?, String, Problem?)? {
            let start = index
            if options.humanDates, let first = peek, first.properties.isAlphabetic {
                let save = index
                if let word = word(), DatePrefix.isWeekday(word, abbreviationsToo: true) {
                    _ = expect(".")
                    _ = expect(",")
                    skipSpaces()
                    if let found = calendarDate(options) { return found }
                }
                index = save
            }
            index = start
            return calendarDate(options)
        }

        private mutating func calendarDate(_ options: Options) -> (CalendarDate?, String, Problem?)? {
            let start = index
            func result(_ year: Int, _ month: Int, _ day: Int) -> (CalendarDate?, String, Problem?) {
                let date = CalendarDate(year: year, month: month, day: day)
                return (date, text(from: start), date == nil ? .impossible : nil)
            }
            if let first = peek, first.properties.isAlphabetic {
                // Month name, day, year: `March 5, 2025`, `Mar 5th, 2025`.
                guard options.humanDates, let name = word(), let month = DatePrefix.month(named: name) else {
                    return nil
                }
                _ = expect(".")
                skipSpaces()
                guard let day = number(max: 2) else { return nil }
                ordinal()
                _ = expect(",")
                skipSpaces()
                guard let year = number(max: 4), year.digits == 4 else { return nil }
                yearSuffix()
                return result(year.value, month, day.value)
            }
            guard let lead = number(max: 4) else { return nil }
            if lead.digits == 4 {
                // ISO: 2025-03-05 (exactly), or 2025/03/05.
                if expect("-") {
                    guard let month = number(max: 2), month.digits == 2, expect("-"), let day = number(max: 2),
                        day.digits == 2
                    else { return nil }
                    return result(lead.value, month.value, day.value)
                }
                guard options.humanDates, expect("/"), let month = number(max: 2), expect("/"),
                    let day = number(max: 2)
                else { return nil }
                return result(lead.value, month.value, day.value)
            }
            guard options.humanDates, lead.digits <= 2 else { return nil }
            if expect(".") {
                if let month = number(max: 2) {
                    // 05.03.2025
                    guard expect("."), let year = number(max: 4), year.digits == 4 else { return nil }
                    yearSuffix()
                    return result(year.value, month.value, lead.value)
                }
                skipSpaces()  // `5. März` style: a day with a dot, then a month name
            } else if expect("/") {
                guard let second = number(max: 2), expect("/"), let year = number(max: 4), year.digits == 4 else {
                    return nil
                }
                switch options.slashedOrder {
                case .dmy?: return result(year.value, second.value, lead.value)
                case .mdy?: return result(year.value, lead.value, second.value)
                case nil: return (nil, text(from: start), .ambiguousOrder)
                }
            } else {
                ordinal()
                guard peek == " " || peek == "\u{A0}" else { return nil }
                skipSpaces()
            }
            // Day, month name, year: `5 March 2025`, `12 апреля 2025 г.`.
            guard let name = word(), let month = DatePrefix.month(named: name) else { return nil }
            _ = expect(".")
            _ = expect(",")
            skipSpaces()
            guard let year = number(max: 4), year.digits == 4 else { return nil }
            yearSuffix()
            return result(year.value, month, lead.value)
        }

        /// `st`, `nd`, `rd`, `th` after a day number.
        private mutating func ordinal() {
            let save = index
            if let word = word(), ["st", "nd", "rd", "th"].contains(word.lowercased()) { return }
            index = save
        }

        /// Russian ` г.` / `г.` after a year.
        private mutating func yearSuffix() {
            let save = index
            skipSpaces()
            if expect("г") {
                if let next = peek, next.properties.isAlphabetic {
                    index = save
                    return
                }
                _ = expect(".")
                return
            }
            index = save
        }

        /// A full weekday name after the date: `2025-03-05 Wednesday`, `5 March 2025 (Wed)`.
        mutating func weekdayAfter() {
            let save = index
            _ = expect(",")
            skipSpaces()
            let parenthesized = expect("(")
            if let word = word(), DatePrefix.isWeekday(word, abbreviationsToo: parenthesized),
                !parenthesized || expect(")")
            {
                if let next = peek, next.properties.isAlphabetic || DatePrefix.isDigit(next) {
                    index = save
                }
                return
            }
            index = save
        }

        /// `14:30`, `9:05`, optionally after `,`, `at` or `в`; `HH:MM` or nil.
        mutating func time() -> String? {
            let save = index
            _ = expect(",")
            skipSpaces()
            let wordStart = index
            if let word = word() {
                guard ["at", "в"].contains(word.lowercased()) else {
                    index = save
                    return nil
                }
                skipSpaces()
            } else {
                index = wordStart
            }
            guard index > save, let hours = number(max: 2), expect(":"), let minutes = number(max: 2),
                minutes.digits == 2, hours.value < 24, minutes.value < 60
            else {
                index = save
                return nil
            }
            if let next = peek, DatePrefix.isDigit(next) || next.properties.isAlphabetic {
                index = save
                return nil
            }
            let hh = hours.value < 10 ? "0\(hours.value)" : "\(hours.value)"
            let mm = minutes.value < 10 ? "0\(minutes.value)" : "\(minutes.value)"
            return hh + ":" + mm
        }
    }
}
