/// A date at the start of a heading, paragraph or list item: `2024-03-05`, `2024-03-05 14:30`,
/// then an optional separator (`:`, `—`, `–`, `-`, `,`) and the rest.
struct DatePrefix: Hashable {
    /// The date; nil when the text has the shape of a date but the day does not exist.
    var date: CalendarDate?
    /// The ten characters that looked like a date.
    var written: String
    /// `HH:MM` when a valid time follows the date.
    var time: String?
    /// The text after the date, time and separator, trimmed.
    var rest: String

    /// Parses a date prefix of `text`; nil when the text does not start with `DDDD-DD-DD`
    /// followed by the end, whitespace or a separator.
    static func parse(_ text: some StringProtocol) -> DatePrefix? {
        // Fast rejection on bytes: most blocks do not start with a digit.
        var bytes = text.utf8.makeIterator()
        for offset in 0..<10 {
            guard let byte = bytes.next() else { return nil }
            let isDash = offset == 4 || offset == 7
            if isDash ? byte != UInt8(ascii: "-") : !(48...57).contains(byte) { return nil }
        }
        let scalars = Array(text.unicodeScalars.prefix(40))
        guard scalars.count >= 10 else { return nil }
        for (offset, scalar) in scalars.prefix(10).enumerated() {
            let isDash = offset == 4 || offset == 7
            if isDash ? scalar != "-" : !("0"..."9").contains(scalar) { return nil }
        }
        if scalars.count > 10 {
            let next = scalars[10]
            guard next.properties.isWhitespace || ":—–-,.".unicodeScalars.contains(next) else { return nil }
            if next == "-", scalars.count > 11, ("0"..."9").contains(scalars[11]) { return nil }
        }
        let written = String(String.UnicodeScalarView(scalars.prefix(10)))
        var rest = Substring(text).unicodeScalars.dropFirst(10)
        var time: String?
        let afterDate = Array(rest.prefix(6))
        if afterDate.count >= 6, afterDate[0] == " ", afterDate[3] == ":",
            [1, 2, 4, 5].allSatisfy({ ("0"..."9").contains(afterDate[$0]) })
        {
            let hours = Int(String(String.UnicodeScalarView(afterDate[1...2]))) ?? 99
            let minutes = Int(String(String.UnicodeScalarView(afterDate[4...5]))) ?? 99
            if hours < 24, minutes < 60 {
                time = String(String.UnicodeScalarView(afterDate[1...5]))
                rest = rest.dropFirst(6)
            }
        }
        var remainder = Substring(rest).drop { $0.isWhitespace }
        if let first = remainder.first, ":—–-,.".contains(first) {
            remainder = remainder.dropFirst().drop { $0.isWhitespace }
        }
        return DatePrefix(
            date: CalendarDate(iso: written), written: written, time: time,
            rest: String(remainder).trimmingTrailingWhitespace())
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var copy = self
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}
