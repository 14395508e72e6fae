import RedflagCore

/// A date at the start of a heading, paragraph or list item: `2024-03-05`, `2024-03-05 14:30`,
/// then an optional separator (`:`, `—`, `–`, `-`, `,`, `.`) and the rest.
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
    /// followed by the end, whitespace or a separator. Works on UTF-8 bytes: it runs for every block.
    static func parse(_ text: String) -> DatePrefix? {
        let utf8 = text.utf8
        let head = Array(utf8.prefix(16))
        guard head.count >= 10 else { return nil }
        for offset in 0..<10 {
            let isDash = offset == 4 || offset == 7
            if isDash ? head[offset] != UInt8(ascii: "-") : !isDigit(head[offset]) { return nil }
        }
        if head.count > 10 {
            let next = head[10]
            let separator = whitespaceLength(head, at: 10) > 0 || separatorLength(head, at: 10) > 0
            guard separator else { return nil }
            if next == UInt8(ascii: "-"), head.count > 11, isDigit(head[11]) { return nil }
        }
        let written = String(decoding: head[0..<10], as: UTF8.self)
        var offset = 10
        var time: String?
        if head.count >= 16, head[10] == 0x20, head[13] == UInt8(ascii: ":"),
            [11, 12, 14, 15].allSatisfy({ isDigit(head[$0]) })
        {
            let hours = Int(head[11] - 48) * 10 + Int(head[12] - 48)
            let minutes = Int(head[14] - 48) * 10 + Int(head[15] - 48)
            if hours < 24, minutes < 60 {
                time = String(decoding: head[11..<16], as: UTF8.self)
                offset = 16
            }
        }
        let tail = Array(utf8.dropFirst(offset))
        var index = skipWhitespace(tail, from: 0)
        let separator = separatorLength(tail, at: index)
        if separator > 0 { index = skipWhitespace(tail, from: index + separator) }
        return DatePrefix(
            date: CalendarDate(iso: written), written: written, time: time,
            rest: String(decoding: tail[index...], as: UTF8.self).trimmingTrailingWhitespace())
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    /// Bytes of one whitespace character at `index`: space, tab, newline or no-break space.
    private static func whitespaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        default: return 0
        }
    }

    /// Bytes of one separator at `index`: `:` `,` `.` `-`, en dash or em dash.
    private static func separatorLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "-"): return 1
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94):
            return 3
        default: return 0
        }
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while true {
            let length = whitespaceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
    }
}
